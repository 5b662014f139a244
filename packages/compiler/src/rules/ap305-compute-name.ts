import { diagnostic } from "../diagnostics/diagnostic.js";
import { renameCompute } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

const NAME = /^[A-Za-z][A-Za-z0-9-]{0,14}[A-Za-z0-9]$/;

/** AP305: Azure ML compute names: 2 to 16 letters, digits and dashes, starting with a letter, not ending with a dash. */
export const computeNameRule: Rule = {
  code: "AP305",
  examples: {
    fires: [
      {
        what: "a compute name of 24 characters",
        line: 6,
        mutate: (ir) => renameCompute(ir, "cpu_cluster_that_is_long"),
      },
    ],
    passes: [
      {
        what: "a compute name of 16 characters, the most allowed",
        mutate: (ir) => renameCompute(ir, "cpu-cluster-0016"),
      },
    ],
  },
  check(ir) {
    return ir.computes
      .filter((c) => c.kind !== "unknown" && c.kind !== "local" && !NAME.test(c.name))
      .map((c) =>
        diagnostic(
          "AP305",
          `compute name "${c.name}" is not allowed: use 2 to 16 letters, digits and dashes, starting with a letter and ending with a letter or digit`,
          {
            at: c.source,
            hint: `e.g. "${
              c.name
                .replace(/[^A-Za-z0-9-]/g, "-")
                .replace(/^[^A-Za-z]+/, "c")
                .slice(0, 16)
                .replace(/-+$/, "") || "cpu-cluster"
            }"`,
          },
        ),
      );
  },
};
