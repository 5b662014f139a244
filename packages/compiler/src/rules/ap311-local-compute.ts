import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeOf } from "../ir/step-bindings.js";
import { at, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP311 (v1 target): a step on the `local` compute. The SDK v1 loader looks the name up among the
 * workspace's compute targets, and no pipeline step runs "locally" on Azure ML: the YAML is for
 * amlpipe's local backend only. A warning, so local rehearsals still compile.
 */
export const localComputeRule: Rule = {
  code: "AP311",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "a step on the local compute",
        line: 10,
        mutate: (ir) =>
          withStep(
            { ...ir, computes: [...ir.computes, { kind: "local", name: "local", source: at(9) }] },
            "prep",
            {
              compute: "local",
            },
          ),
      },
    ],
    passes: [
      {
        what: "a training run on the local compute (the RunConfiguration's default target)",
        mutate: (ir) => ({
          ...withStep(
            { ...ir, computes: [...ir.computes, { kind: "local", name: "local", source: at(9) }] },
            "prep",
            { compute: "local" },
          ),
          trainingRun: { experiment: "exp" },
        }),
      },
      {
        what: "a local compute that no step runs on",
        mutate: (ir) => ({
          ...ir,
          computes: [...ir.computes, { kind: "local", name: "local", source: at(9) }],
        }),
      },
    ],
  },
  check(ir) {
    // A training run on `local` is the SDK v1's own default target (`az ml run submit-script` runs it here).
    if (ir.trainingRun) return [];
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      if (compute?.kind !== "local") return [];
      return [
        diagnostic(
          "AP311",
          `step "${step.key}" runs on "${compute.name}", this machine: Azure ML cannot run a pipeline step there, so this YAML runs only with \`amlpipe run\``,
          {
            at: step.source,
            hint: "before submitting, put the step on a workspace compute (an AML cluster, say) with .on(...) or defaultCompute(...)",
          },
        ),
      ];
    });
  },
};
