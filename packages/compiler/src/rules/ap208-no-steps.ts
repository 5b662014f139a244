import { finding, type Rule } from "./rule.js";

/** AP208: a pipeline with no steps. */
export const noStepsRule: Rule = {
  code: "AP208",
  check(ir) {
    return ir.steps.length === 0
      ? [finding("AP208", `pipeline "${ir.name}" has no steps`, ir.source, "add steps with .steps(...)")]
      : [];
  },
};
