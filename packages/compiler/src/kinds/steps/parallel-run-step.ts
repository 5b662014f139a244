import { definedEntries } from "../../common/defined-entries.js";
import type { ParallelRunConfigIR, ParallelRunStepIR } from "../../ir/step.js";
import { lowerInput } from "../../lower/lower-bindings.js";
import { readInput } from "../../read/read-bindings.js";
import { splitCommandLine, wordsAsArguments } from "../../read/v2/v2-expressions.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import { parallelRunRule } from "../../rules/ap405-parallel-run.js";
import { parallelLoaderRule } from "../../rules/ap409-parallel-loader.js";
import { described, nonEmpty } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind, type V2NodeRead } from "./step-kind.js";

/**
 * What a ParallelRunConfig says when the DSL leaves it out (the loader demands all three): tolerate
 * every failed item (-1, as v2's parallel job does), append rows to one output, one node.
 */
const PARALLEL_DEFAULTS = { errorThreshold: -1, outputAction: "append_row", nodeCount: 1 } as const;

/** ParallelRunStep: runs an entry script over mini-batches of a dataset, in parallel. */
export const parallelRunStep: StepKind<"ParallelRunStep"> = {
  type: "ParallelRunStep",
  summary: "runs an entry script over mini-batches of a dataset in parallel (AML cluster, Kubernetes, local)",
  computeKinds: allOf<"aml_cluster" | "kubernetes" | "local">()("aml_cluster", "kubernetes", "local"),
  runsInEnvironment: true,
  features: { inputs: true, outputs: true, arguments: true, parameters: false, sideInputs: true },
  v1Keys: {
    parallel_run_config: described(
      "the ParallelRunConfig YAML file (entry script, batch size, error threshold, compute, environment), relative to this file",
      nonEmpty,
    ),
  },
  v1OmittedCommonKeys: ["compute", "source_directory", "runconfig"],
  // Without an output the parser indexes an empty list (IndexError).
  requiredV1Keys: ["parallel_run_config", "outputs"],
  lower: (base, def, context) => ({
    ...base,
    type: "ParallelRunStep",
    parallelRunConfig: { ...PARALLEL_DEFAULTS, ...definedEntries(def.settings) } as ParallelRunConfigIR,
    sideInputs: def.sideInputs.map((i) => lowerInput(i, context)),
  }),
  read(base, cursor, context) {
    const configCursor = cursor.get("parallel_run_config");
    const path = configCursor.string("parallel_run_config");
    const read = path === undefined ? undefined : context.readParallelRunConfig(path, configCursor.at);
    const parallelRunConfig: ParallelRunConfigIR = { ...PARALLEL_DEFAULTS, entryScript: "", ...read?.config };
    const sideInputs = cursor
      .get("side_inputs")
      .entries("side_inputs")
      .flatMap(({ key, value }) => readInput(key, value) ?? []);
    // The loader takes the compute, source directory and environment from the config file.
    const unread = path !== undefined && read === undefined;
    return {
      ...base,
      ...(unread ? { computeFromRunconfig: true as const, unreadSideFile: true as const } : {}),
      ...(read?.compute !== undefined ? { compute: read.compute } : {}),
      ...(read?.sourceDirectory !== undefined ? { sourceDirectory: read.sourceDirectory } : {}),
      ...(read?.environment !== undefined ? { environment: read.environment } : {}),
      type: "ParallelRunStep",
      parallelRunConfig,
      sideInputs,
    };
  },
  emitV1: (_step, context) => ({ parallel_run_config: context.sideFile }),
  // The loader builds the step from this file (ParallelRunConfig.load_yaml), not from the step's
  // compute, source_directory or runconfig: they are all here.
  sideFile: (step, context) => {
    const c = step.parallelRunConfig;
    return {
      path: `parallel_run_configs/${context.safeName}.yml`,
      schema: "parallel-run-config.schema.json",
      document: {
        parallel_run_config: definedEntries({
          entry_script: c.entryScript,
          source_directory: context.sourceDirectory,
          compute_target_name: context.compute,
          environment: context.environment,
          mini_batch_size: c.miniBatchSize,
          // The loader demands these three (PARALLEL_DEFAULTS when the DSL leaves them out).
          error_threshold: c.errorThreshold,
          output_action: c.outputAction,
          node_count: c.nodeCount,
          process_count_per_node: c.processCountPerNode,
          run_invocation_timeout: c.runInvocationTimeout,
        }),
      },
    };
  },
  runconfigNeeds: () => ({}),
  bindings: (step) => ({
    inputs: [...step.inputs, ...step.sideInputs],
    sideInputs: step.sideInputs,
    outputs: step.outputs,
    writes: [],
  }),
  scripts: (step) => (step.parallelRunConfig.entryScript === "" ? [] : [step.parallelRunConfig.entryScript]),
  v2(step, context) {
    const c = step.parallelRunConfig;
    // azure-ai-ml requires the task's script; a config file that could not be read gives none.
    if (c.entryScript.trim() === "")
      return {
        noV2Form: "its ParallelRunConfig names no entry_script (was the parallel_run_config file read?)",
      };
    const [first] = step.inputs;
    const [output] = step.outputs;
    return {
      type: "parallel",
      ...context.common,
      ...(first ? { input_data: `\${{inputs.${first.name}}}` } : {}),
      ...definedEntries({ mini_batch_size: c.miniBatchSize, error_threshold: c.errorThreshold }),
      ...(c.nodeCount !== undefined ? { resources: { instance_count: c.nodeCount } } : {}),
      ...(c.processCountPerNode !== undefined ? { max_concurrency_per_instance: c.processCountPerNode } : {}),
      // v1's run_invocation_timeout is v2's retry_settings.timeout (the migration guide's mapping).
      ...(c.runInvocationTimeout !== undefined
        ? { retry_settings: { timeout: c.runInvocationTimeout } }
        : {}),
      task: {
        type: "run_function",
        ...(context.code ? { code: context.code } : {}),
        entry_script: c.entryScript,
        ...(context.environment ? { environment: context.environment } : {}),
        ...(context.args ? { program_arguments: context.args } : {}),
        ...(output && c.outputAction !== "summary_only"
          ? { append_row_to: `\${{outputs.${output.name}}}` }
          : {}),
      },
    };
  },
  v2NodeTypes: ["parallel"],
  readV2: (read) => readParallelNode(read),
  importCall: (step, context) => ({
    factory: "parallelRunStep",
    options: tsLiterals({ ...step.parallelRunConfig, sourceDirectory: context.sourceDirectory }),
    chainsBindings: true,
  }),
  rules: [parallelRunRule, parallelLoaderRule],
};

/** `${{inputs.x}}` / `${{outputs.x}}` as the name it references, for `input_data` and `append_row_to`. */
function referenced(cursor: YamlCursor, side: "inputs" | "outputs"): string | undefined {
  const text = cursor.string(cursor.path) ?? "";
  const [word] = splitCommandLine(text) ?? [];
  return word?.kind === "reference" && word.side === side ? word.name : undefined;
}

/**
 * A v2 parallel job as a ParallelRunStep: its task's script, code, environment and arguments, its
 * mini-batch settings, `input_data` as the first input and `append_row_to` as the first output.
 */
function readParallelNode(read: V2NodeRead): ParallelRunStepIR | undefined {
  const { node, base } = read;
  read.reportUnread([
    "input_data",
    "mini_batch_size",
    "error_threshold",
    "resources",
    "max_concurrency_per_instance",
    "retry_settings",
    "task",
  ]);
  const task = node.get("task");
  read.context.reportUnread(task, TASK_KEYS, "parallel task");
  const entryScript = task.get("entry_script").string("entry_script");
  if (!entryScript) {
    task.typeError("a parallel job's task needs an entry_script (a model task is not read by amlpipe)");
    return undefined;
  }
  for (const [cursor, key] of [
    [node.get("resources"), "instance_count"],
    [node.get("retry_settings"), "timeout"],
  ] as const)
    read.context.reportUnread(cursor, new Set([key]), cursor.path);
  const args = task.has("program_arguments") ? task.get("program_arguments") : task.get("args");
  const words = splitCommandLine(args.string("program_arguments") ?? "") ?? [];
  const first = referenced(node.get("input_data"), "inputs");
  const appendTo = referenced(task.get("append_row_to"), "outputs");
  const outputs = read.outputs();
  const byName = <B extends { name: string }>(bindings: readonly B[], name: string | undefined) =>
    name === undefined
      ? bindings
      : [...bindings.filter((b) => b.name === name), ...bindings.filter((b) => b.name !== name)];
  // A parallel job's values have no place in a ParallelRunStep (the v1 loader passes it no parameters).
  for (const p of base.parameters)
    node.file.report(
      "AP112",
      "warning",
      `parallel job input "${p.name}" is a value, which a ParallelRunStep cannot take`,
      p.source,
    );
  const code = read.code(task.get("code"));
  const environment = read.environment(task.get("environment"));
  const config: ParallelRunConfigIR = {
    ...PARALLEL_DEFAULTS,
    entryScript,
    outputAction: appendTo !== undefined ? "append_row" : "summary_only",
    ...definedEntries({
      miniBatchSize: node.get("mini_batch_size").string("mini_batch_size"),
      errorThreshold: node.get("error_threshold").number("error_threshold", true),
      nodeCount: node.get("resources").get("instance_count").number("instance_count", true),
      processCountPerNode: node
        .get("max_concurrency_per_instance")
        .number("max_concurrency_per_instance", true),
      runInvocationTimeout: node.get("retry_settings").get("timeout").number("timeout", true),
    }),
  };
  return {
    ...base,
    ...(code !== undefined ? { sourceDirectory: code } : {}),
    ...(environment !== undefined ? { environment } : {}),
    type: "ParallelRunStep",
    parameters: [],
    inputs: byName(base.inputs, first),
    outputs: byName(outputs, appendTo),
    arguments: wordsAsArguments(words, new Set()),
    parallelRunConfig: config,
    sideInputs: [],
  };
}

const TASK_KEYS = new Set([
  "type",
  "code",
  "entry_script",
  "environment",
  "program_arguments",
  "args",
  "append_row_to",
]);
