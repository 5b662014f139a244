import { diagnostic } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import { computeOf } from "../ir/step-bindings.js";
import { at, withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

const SYNAPSE = {
  kind: "synapse_spark",
  name: "synapse",
  source: at(8),
  resourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Synapse/workspaces/w/bigDataPools/pool",
} as ComputeIR;

/**
 * AP317 (v1 target): a PythonScriptStep on a Synapse Spark pool. The SDK v1 runs Synapse only
 * through SynapseSparkStep, which pipeline YAML cannot express: PythonScriptStep's targets are AML
 * clusters, compute instances, VMs and HDInsight. The loader reads the file, so this is a warning;
 * v2 runs the step as a Spark job on the pool.
 */
export const pythonOnSynapseRule: Rule = {
  code: "AP317",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "a PythonScriptStep on a Synapse pool",
        line: 9,
        mutate: (ir) =>
          withNewStep(
            { ...ir, computes: [...ir.computes, SYNAPSE] },
            {
              type: "PythonScriptStep",
              key: "spark",
              compute: "synapse",
              scriptName: "s.py",
              sourceDirectory: "steps",
              framework: "pyspark",
            },
          ),
      },
    ],
    passes: [
      {
        what: "a Synapse pool that no step runs on",
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, SYNAPSE] }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      if (step.type !== "PythonScriptStep" || compute?.kind !== "synapse_spark") return [];
      return [
        diagnostic(
          "AP317",
          `step "${step.key}" is a PythonScriptStep on "${compute.name}", a Synapse Spark pool: the SDK v1 runs Synapse only through SynapseSparkStep, which v1 pipeline YAML cannot express`,
          {
            at: step.source,
            severity: "warning",
            hint: "compile with --target v2 (the step becomes a Spark job on the pool), or run it on HDInsight in v1",
          },
        ),
      ];
    });
  },
};
