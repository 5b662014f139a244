import { computeOf } from "./pipeline-facts.js";
import { finding, type Rule } from "./rule.js";
import { STEP_COMPUTE_KINDS } from "./step-compute-table.js";

/** AP300: a step runs on a compute kind its type cannot use (e.g. an AdlaStep on an AML cluster). */
export const stepComputeKindRule: Rule = {
  code: "AP300",
  check(ir) {
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      if (!compute || compute.kind === "unknown" || compute.kind === "aci") return []; // AP302 covers ACI
      if (step.compute === undefined && compute.kind === "databricks" && step.type !== "DatabricksStep")
        return []; // AP303
      const allowed = STEP_COMPUTE_KINDS[step.type];
      if (allowed.includes(compute.kind)) return [];
      return [
        finding(
          "AP300",
          `${step.type} "${step.key}" runs on "${compute.name}", a ${compute.kind} compute; a ${step.type} runs on ${allowed.join(", ")}`,
          step.source,
          `run it on a ${allowed[0]} compute${step.compute === undefined ? " (it falls back to the pipeline's default compute)" : ""}`,
        ),
      ];
    });
  },
};
