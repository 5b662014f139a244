import { diagnostic } from "../diagnostics/diagnostic.js";
import { withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP400: a PythonScriptStep (or AdlaStep) with no script name. */
export const scriptMissingRule: Rule = {
  code: "AP400",
  examples: {
    fires: [
      {
        what: "prep has an empty script name",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { scriptName: "" }),
      },
    ],
    passes: [
      {
        what: "prep's script is in a subfolder",
        mutate: (ir) => withStep(ir, "prep", { scriptName: "jobs/prep.py" }),
      },
    ],
  },
  check(ir) {
    return ir.steps
      .filter((s) => (s.type === "PythonScriptStep" || s.type === "AdlaStep") && s.scriptName.trim() === "")
      .map((s) =>
        diagnostic("AP400", `${s.type} "${s.key}" has no script`, {
          at: s.source,
          hint: "name the script with script_name (relative to source_directory)",
        }),
      );
  },
};
