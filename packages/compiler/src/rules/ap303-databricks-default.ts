import { diagnostic } from "../diagnostics/diagnostic.js";
import { DATABRICKS, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP303: a Databricks compute is usable only by DatabricksSteps inside a pipeline. As the pipeline's
 * default compute it would be handed to other steps that name no compute.
 */
export const databricksDefaultRule: Rule = {
  code: "AP303",
  examples: {
    fires: [
      {
        what: "prep falls back to a Databricks default compute",
        line: 10,
        mutate: (ir) =>
          withStep({ ...ir, defaultCompute: "dbx", computes: [...ir.computes, DATABRICKS] }, "prep", {
            compute: undefined,
          }),
      },
    ],
    passes: [
      {
        what: "Databricks is the default but every step names its own compute",
        mutate: (ir) => ({ ...ir, defaultCompute: "dbx", computes: [...ir.computes, DATABRICKS] }),
      },
    ],
  },
  check(ir) {
    const compute = ir.computes.find((c) => c.name === ir.defaultCompute);
    if (compute?.kind !== "databricks") return [];
    return ir.steps
      .filter((s) => s.compute === undefined && s.type !== "DatabricksStep")
      .map((s) =>
        diagnostic(
          "AP303",
          `step "${s.key}" (${s.type}) falls back to the default compute "${compute.name}", a Databricks workspace usable only by DatabricksSteps`,
          {
            at: s.source,
            hint: "give the step its own compute, or make a non-Databricks compute the default",
          },
        ),
      );
  },
};
