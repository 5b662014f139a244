import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Rule } from "./rule.js";

/** AP208: a pipeline with no steps. */
export const noStepsRule: Rule = {
  code: "AP208",
  check(ir) {
    return ir.steps.length === 0
      ? [
          diagnostic("AP208", `pipeline "${ir.name}" has no steps`, {
            at: ir.source,
            hint: "add steps with .steps(...)",
          }),
        ]
      : [];
  },
};
