import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeOf } from "../ir/step-bindings.js";
import { STEP_KINDS } from "../kinds/steps/index.js";
import { DATABRICKS, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP300: a step runs on a compute kind its type cannot use (e.g. an AdlaStep on an AML cluster). */
export const stepComputeKindRule: Rule = {
  code: "AP300",
  examples: {
    fires: [
      {
        what: "a PythonScriptStep on an ADLA account",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { compute: "adla" }),
      },
    ],
    passes: [
      {
        what: "a PythonScriptStep falling back to a Databricks default is AP303's to report, not AP300's",
        mutate: (ir) =>
          withStep({ ...ir, defaultCompute: "dbx", computes: [...ir.computes, DATABRICKS] }, "prep", {
            compute: undefined,
          }),
        alsoFires: ["AP303"],
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      if (!compute || compute.kind === "unknown" || compute.kind === "aci") return []; // AP302 covers ACI
      if (step.compute === undefined && compute.kind === "databricks" && step.type !== "DatabricksStep")
        return []; // AP303
      const allowed: readonly string[] = STEP_KINDS[step.type].computeKinds;
      if (allowed.includes(compute.kind)) return [];
      return [
        diagnostic(
          "AP300",
          `${step.type} "${step.key}" runs on "${compute.name}", a ${compute.kind} compute; a ${step.type} runs on ${allowed.join(", ")}`,
          {
            at: step.source,
            hint: `run it on a ${allowed[0]} compute${step.compute === undefined ? " (it falls back to the pipeline's default compute)" : ""}`,
          },
        ),
      ];
    });
  },
};
