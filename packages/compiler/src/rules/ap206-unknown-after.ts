import { diagnostic } from "../diagnostics/diagnostic.js";
import { withReportStep, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP206: `.after()` names a step the pipeline does not have. */
export const unknownAfterRule: Rule = {
  code: "AP206",
  examples: {
    fires: [
      {
        what: ".after() names a step that does not exist",
        line: 20,
        mutate: (ir) => withStep(ir, "agg", { after: ["ghost"] }),
      },
    ],
    passes: [
      {
        what: ".after() names an existing step",
        mutate: (ir) => withReportStep(ir, { after: ["prep"] }),
      },
    ],
  },
  check(ir) {
    const keys = new Set(ir.steps.map((s) => s.key));
    return ir.steps.flatMap((step) =>
      step.after
        .filter((k) => !keys.has(k))
        .map((k) =>
          diagnostic("AP206", `step "${step.key}" runs after "${k}", which is not a step of this pipeline`, {
            at: step.source,
            hint: "add that step to the pipeline or drop the ordering",
          }),
        ),
    );
  },
};
