import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeOf } from "../ir/step-bindings.js";
import { at, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP302: Azure Container Instances serve models only; no pipeline step can train on them. */
export const aciTrainingRule: Rule = {
  code: "AP302",
  examples: {
    fires: [
      {
        what: "a step runs on ACI",
        line: 10,
        mutate: (ir) =>
          withStep(
            { ...ir, computes: [...ir.computes, { kind: "aci", name: "aci", source: at(9) }] },
            "prep",
            {
              compute: "aci",
            },
          ),
      },
    ],
    passes: [
      {
        what: "an ACI compute is declared but no step runs on it",
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, { kind: "aci", name: "aci", source: at(9) }] }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      return compute?.kind === "aci"
        ? [
            diagnostic(
              "AP302",
              `step "${step.key}" runs on "${compute.name}", an ACI compute: ACI is for inference only and cannot run pipeline steps`,
              {
                at: step.source,
                hint: "run the step on an AML compute cluster; deploy the trained model to ACI afterwards",
              },
            ),
          ]
        : [];
    });
  },
};
