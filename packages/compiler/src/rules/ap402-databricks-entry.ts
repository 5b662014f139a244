import { diagnostic } from "../diagnostics/diagnostic.js";
import { withDatabricksStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP402: a DatabricksStep needs exactly one entry point; a local script needs a source directory. */
export const databricksEntryRule: Rule = {
  code: "AP402",
  examples: {
    fires: [
      {
        what: "a DatabricksStep with two entry points",
        line: 9,
        mutate: (ir) => withDatabricksStep(ir, { notebookPath: "/a", mainClassName: "M", numWorkers: 1 }),
      },
    ],
    passes: [
      {
        what: "a DatabricksStep with one entry point",
        mutate: (ir) => withDatabricksStep(ir, { notebookPath: "/a", numWorkers: 1 }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "DatabricksStep") return [];
      const entries = [
        ["notebook_path", s.notebookPath],
        ["python_script_path", s.pythonScriptPath],
        ["python_script_name", s.pythonScriptName],
        ["main_class_name", s.mainClassName],
      ].filter(([, v]) => v !== undefined);
      if (entries.length !== 1) {
        return [
          diagnostic(
            "AP402",
            `DatabricksStep "${s.key}" has ${entries.length === 0 ? "no entry point" : `${entries.length} entry points (${entries.map(([k]) => k).join(", ")})`}; it needs exactly one`,
            {
              at: s.source,
              hint: "keep one of notebook_path, python_script_path, python_script_name or main_class_name",
            },
          ),
        ];
      }
      if (s.pythonScriptName !== undefined && s.sourceDirectory === undefined) {
        return [
          diagnostic(
            "AP402",
            `DatabricksStep "${s.key}" runs local script "${s.pythonScriptName}" but has no source_directory to upload it from`,
            { at: s.source, hint: "set the step's source directory" },
          ),
        ];
      }
      return [];
    });
  },
};
