import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Rule } from "./rule.js";

/** AP307: a step names no compute and the pipeline has no default compute. */
export const noComputeRule: Rule = {
  code: "AP307",
  check(ir) {
    if (ir.defaultCompute !== undefined) return [];
    return ir.steps
      .filter((s) => s.compute === undefined)
      .map((s) =>
        diagnostic("AP307", `step "${s.key}" names no compute and the pipeline has no default compute`, {
          at: s.source,
          hint: "add .on(compute) to the step, or .defaultCompute(compute) to the pipeline",
        }),
      );
  },
};
