import { diagnostic } from "../diagnostics/diagnostic.js";
import { withoutDefaultCompute, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP307: a step names no compute and the pipeline has no default compute. */
export const noComputeRule: Rule = {
  code: "AP307",
  examples: {
    fires: [
      {
        what: "no default compute and prep names none",
        line: 10,
        mutate: (ir) => withStep(withoutDefaultCompute(ir), "prep", { compute: undefined }),
      },
    ],
    passes: [
      {
        what: "no default compute, but every step names its own",
        mutate: (ir) => withoutDefaultCompute(ir),
      },
    ],
  },
  check(ir) {
    if (ir.defaultCompute !== undefined) return [];
    return ir.steps
      .filter((s) => s.compute === undefined && s.computeFromRunconfig !== true)
      .map((s) =>
        diagnostic("AP307", `step "${s.key}" names no compute and the pipeline has no default compute`, {
          at: s.source,
          hint: "add .on(compute) to the step, or .defaultCompute(compute) to the pipeline",
        }),
      );
  },
};
