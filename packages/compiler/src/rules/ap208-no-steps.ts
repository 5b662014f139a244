import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepOf } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP208: a pipeline with no steps. */
export const noStepsRule: Rule = {
  code: "AP208",
  examples: {
    fires: [
      {
        what: "the pipeline has no steps (the SDK v1 loader takes an empty steps map; it runs nothing)",
        line: 1,
        severity: "warning",
        mutate: (ir) => ({ ...ir, steps: [] }),
      },
    ],
    passes: [
      {
        what: "the pipeline has one step",
        mutate: (ir) => ({ ...ir, steps: [stepOf(ir, "prep")] }),
      },
    ],
  },
  check(ir) {
    return ir.steps.length === 0
      ? [
          diagnostic("AP208", `pipeline "${ir.name}" has no steps: it runs nothing`, {
            at: ir.source,
            hint: "add steps with .steps(...)",
            severity: "warning",
          }),
        ]
      : [];
  },
};
