import { diagnostic } from "../diagnostics/diagnostic.js";
import { withManySteps } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The most steps Azure ML accepts in one pipeline. */
export const MAX_STEPS_PER_PIPELINE = 30_000;

/** AP600: more steps than Azure ML accepts in one pipeline. */
export const stepLimitRule: Rule = {
  code: "AP600",
  examples: {
    fires: [
      {
        what: "30,001 steps",
        line: 1,
        mutate: (ir) => withManySteps(ir, 30_001),
      },
    ],
    passes: [
      {
        what: "30,000 steps, the most allowed",
        mutate: (ir) => withManySteps(ir, 30_000),
      },
    ],
  },
  check(ir) {
    return ir.steps.length > MAX_STEPS_PER_PIPELINE
      ? [
          diagnostic(
            "AP600",
            `pipeline "${ir.name}" has ${ir.steps.length} steps; Azure ML accepts at most ${MAX_STEPS_PER_PIPELINE} in one pipeline`,
            { at: ir.source, hint: "split it into several pipelines" },
          ),
        ]
      : [];
  },
};
