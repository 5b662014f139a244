import { definedEntries } from "../../common/defined-entries.js";
import type { PythonScriptStepIR } from "../../ir/step.js";
import { checkScript } from "../../read/check-script.js";
import { scriptMissingRule } from "../../rules/ap400-script-missing.js";
import { nonEmpty } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind } from "./step-kind.js";

/** Spark jobs need a size; these are the smallest the service accepts (docs/v2-target.md). */
const SPARK_CONF = {
  "spark.driver.cores": 1,
  "spark.driver.memory": "2g",
  "spark.executor.cores": 2,
  "spark.executor.memory": "2g",
  "spark.executor.instances": 2,
};

/** PythonScriptStep: runs a Python script on AML compute, a remote VM, HDInsight, locally... */
/** Whether a PythonScriptStep becomes a v2 Spark job: a pyspark framework, or a Spark compute to run on. */
export function runsAsSpark(
  step: Pick<PythonScriptStepIR, "framework">,
  computeKind: string | undefined,
): boolean {
  return step.framework === "pyspark" || computeKind === "synapse_spark" || computeKind === "hdinsight";
}

export const pythonScriptStep: StepKind<"PythonScriptStep"> = {
  type: "PythonScriptStep",
  summary: "runs a Python script (AML compute, remote VM, HDInsight, Synapse Spark, Kubernetes, local)",
  computeKinds: allOf<
    "local" | "aml_cluster" | "compute_instance" | "remote_vm" | "hdinsight" | "synapse_spark" | "kubernetes"
  >()("local", "aml_cluster", "compute_instance", "remote_vm", "hdinsight", "synapse_spark", "kubernetes"),
  features: { inputs: true, outputs: true, arguments: true, parameters: true, sideInputs: false },
  v1Keys: { script_name: nonEmpty },
  requiredV1Keys: ["script_name"],
  v1Typed: { string: ["script_name"] },
  lower: (base, def) =>
    ({ ...base, type: "PythonScriptStep", ...definedEntries(def.settings) }) as PythonScriptStepIR,
  read(base, cursor, context, runconfig) {
    const scriptName = cursor.get("script_name").string("script_name") ?? "";
    checkScript(base, scriptName || undefined, cursor.get("script_name"), context);
    return {
      ...base,
      type: "PythonScriptStep",
      scriptName,
      ...(runconfig?.framework === "pyspark" ? { framework: "pyspark" as const } : {}),
    };
  },
  emitV1: (step) => ({ script_name: step.scriptName }),
  runconfigNeeds: (step) => (step.framework === "pyspark" ? { framework: "PySpark" } : {}),
  bindings: (step) => ({ inputs: step.inputs, sideInputs: [], outputs: step.outputs, writes: [] }),
  scripts: (step) => (step.scriptName.trim() === "" ? [] : [step.scriptName]),
  v2(step, context) {
    if (runsAsSpark(step, context.computeKind)) {
      return {
        type: "spark",
        ...(context.code ? { code: context.code } : {}),
        entry: { file: step.scriptName },
        ...(context.args ? { args: context.args } : {}),
        conf: SPARK_CONF,
        ...context.common,
      };
    }
    return {
      type: "command",
      ...(context.code ? { code: context.code } : {}),
      command: `python ${context.quote(step.scriptName)}${context.args ? ` ${context.args}` : ""}`,
      ...(context.environment ? { environment: context.environment } : {}),
      ...context.common,
    };
  },
  importCall: (step, context) => ({
    factory: "pythonScriptStep",
    options: tsLiterals({
      script: step.scriptName,
      sourceDirectory: context.sourceDirectory,
      framework: step.framework,
    }),
    chainsBindings: true,
  }),
  rules: [scriptMissingRule],
};
