import { definedEntries } from "../../common/defined-entries.js";
import type { PythonScriptStepIR } from "../../ir/step.js";
import { checkScript } from "../../read/check-script.js";
import { splitCommandLine, wordsAsArguments } from "../../read/v2/v2-expressions.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import { scriptMissingRule } from "../../rules/ap400-script-missing.js";
import { described, nonEmpty } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind, type V2NodeRead } from "./step-kind.js";

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
  runsInEnvironment: true,
  features: { inputs: true, outputs: true, arguments: true, parameters: true, sideInputs: false },
  v1Keys: { script_name: described("the Python script to run, relative to source_directory", nonEmpty) },
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
  v2NodeTypes: ["command", "spark"],
  readV2(read) {
    const spark = read.node.get("type").string("type") === "spark";
    const run = spark ? sparkEntry(read) : pythonCommand(read.node.get("command"));
    if (!run) return undefined;
    read.reportUnread(spark ? ["code", "entry", "args", "conf"] : ["code", "command", "environment"]);
    if (spark) sparkConfNotCarried(read.node.get("conf"));
    const parameters = new Set(read.base.parameters.map((p) => p.name));
    const code = read.code(read.node.get("code"));
    const environment = spark ? undefined : read.environment(read.node.get("environment"));
    return {
      ...read.base,
      ...(code !== undefined ? { sourceDirectory: code } : {}),
      ...(environment !== undefined ? { environment } : {}),
      outputs: read.outputs(),
      type: "PythonScriptStep",
      scriptName: run.script,
      arguments: wordsAsArguments(run.words, parameters),
      ...(spark ? { framework: "pyspark" as const } : {}),
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

/** A command job's `python <script> [args]`, split as a shell would; undefined (reported) for any other command. */
function pythonCommand(
  command: YamlCursor,
): { script: string; words: NonNullable<ReturnType<typeof splitCommandLine>> } | undefined {
  const text = command.string("command") ?? "";
  const words = splitCommandLine(text);
  const [interpreter, script, ...rest] = words ?? [];
  if (interpreter?.kind !== "literal" || !/^python3?$/.test(interpreter.text) || script?.kind !== "literal") {
    command.typeError(
      `command "${text.trim()}" is not \`python <script> [arguments]\`, the one form a PythonScriptStep runs`,
      "amlpipe reads command jobs that run a Python script; keep other commands in az ml files",
    );
    return undefined;
  }
  return { script: script.text, words: rest };
}

/** A Spark job's `entry.file` and `args`; a Scala/Java `class_name` entry is not read (reported). */
function sparkEntry(
  read: V2NodeRead,
): { script: string; words: NonNullable<ReturnType<typeof splitCommandLine>> } | undefined {
  const entry = read.node.get("entry");
  const file = entry.get("file").string("entry.file");
  if (!file) {
    entry.typeError("amlpipe reads Spark jobs whose entry is a Python file (entry.file)");
    return undefined;
  }
  const args = read.node.get("args");
  const words = splitCommandLine(args.string("args") ?? "");
  if (!words) {
    args.typeError("args hold shell operators, which a Spark job's arguments cannot carry");
    return undefined;
  }
  return { script: file, words };
}

/** AP112 when a Spark job's `conf` differs from the sizes amlpipe writes (it writes SPARK_CONF). */
function sparkConfNotCarried(conf: YamlCursor): void {
  if (conf.missing) return;
  const differs = conf
    .entries("conf")
    .some(
      ({ key, value }) => String(value.literal(key)) !== String(SPARK_CONF[key as keyof typeof SPARK_CONF]),
    );
  if (differs)
    conf.file.report(
      "AP112",
      "warning",
      `the Spark conf is not carried: amlpipe writes ${JSON.stringify(SPARK_CONF)}`,
      conf.at,
    );
}
