import { diagnostic } from "../diagnostics/diagnostic.js";
import type { StepIR } from "../ir/step.js";
import { withReportStep, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** Step kinds the v1 `.after()` marker cannot reach: the loader passes them no (or only one) output. */
const NO_MARKER: ReadonlySet<StepIR["type"]> = new Set(["DataTransferStep", "ParallelRunStep"]);

/**
 * AP210 (v1 target): `.after()` with a DataTransferStep or a ParallelRunStep on either side. v1 YAML
 * has no ordering without data, so amlpipe writes a marker output and input; but the loader passes a
 * DataTransferStep no inputs or outputs, a ParallelRunStep only its first output, and demands that a
 * ParallelRunStep's inputs be datasets: the marker breaks the load.
 */
export const afterMarkerRule: Rule = {
  code: "AP210",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "the DataTransferStep runs after prep",
        line: 30,
        mutate: (ir) => withStep(ir, "copy", { after: ["prep"] }),
      },
    ],
    passes: [
      {
        what: "a PythonScriptStep runs after another PythonScriptStep",
        mutate: (ir) => withReportStep(ir, { after: ["prep"] }),
      },
    ],
  },
  check(ir) {
    const kinds = new Map(ir.steps.map((s) => [s.key, s.type]));
    return ir.steps.flatMap((step) =>
      step.after.flatMap((before) => {
        const blocked = [step.key, before].find((k) => NO_MARKER.has(kinds.get(k) as StepIR["type"]));
        if (blocked === undefined) return [];
        return [
          diagnostic(
            "AP210",
            `step "${step.key}" runs after "${before}" without data, which v1 YAML cannot say when a ${kinds.get(blocked)} ("${blocked}") is one of them: the SDK v1 loader would drop or refuse the marker`,
            {
              at: step.source,
              hint: "order them through data (read an output of the earlier step), or compile with --target v2",
            },
          ),
        ];
      }),
    );
  },
};
