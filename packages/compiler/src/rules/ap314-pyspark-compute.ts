import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeOf } from "../ir/step-bindings.js";
import { withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** Computes that run Spark, where `framework: "pyspark"` means something. */
const SPARK_KINDS = new Set(["hdinsight", "synapse_spark"]);
/** Computes a pyspark script cannot run on: they have no Spark (local runs it as plain Python). */
const NO_SPARK_KINDS = new Set(["aml_cluster", "compute_instance", "remote_vm", "kubernetes"]);

/**
 * AP314: `framework: "pyspark"` on a compute with no Spark (an AML cluster, compute instance, VM or
 * Kubernetes): the run is submitted as PySpark and fails there. PySpark runs on HDInsight and Synapse.
 */
export const pysparkComputeRule: Rule = {
  code: "AP314",
  examples: {
    fires: [
      {
        what: "a pyspark step on the AML cluster",
        line: 9,
        mutate: (ir) =>
          withNewStep(ir, {
            type: "PythonScriptStep",
            key: "spark",
            compute: "cpu",
            scriptName: "s.py",
            sourceDirectory: "steps",
            framework: "pyspark",
          }),
      },
    ],
    passes: [
      {
        what: "a python step on the AML cluster",
        mutate: (ir) =>
          withNewStep(ir, {
            type: "PythonScriptStep",
            key: "plain",
            compute: "cpu",
            scriptName: "s.py",
            sourceDirectory: "steps",
          }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      if (!("framework" in step) || step.framework !== "pyspark") return [];
      const compute = computeOf(ir, step);
      if (!compute || SPARK_KINDS.has(compute.kind) || !NO_SPARK_KINDS.has(compute.kind)) return [];
      return [
        diagnostic(
          "AP314",
          `step "${step.key}" runs with framework pyspark on "${compute.name}", a ${compute.kind} compute, which has no Spark`,
          {
            at: step.source,
            hint: 'run it on an HDInsight or Synapse Spark compute, or drop framework: "pyspark"',
          },
        ),
      ];
    });
  },
};
