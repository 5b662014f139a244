import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Rule } from "./rule.js";

/**
 * AP303: a Databricks compute is usable only by DatabricksSteps inside a pipeline. As the pipeline's
 * default compute it would be handed to other steps that name no compute.
 */
export const databricksDefaultRule: Rule = {
  code: "AP303",
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
