import { definedEntries } from "../../common/defined-entries.js";
import type { ParallelRunConfigIR } from "../../ir/step.js";
import { lowerInput } from "../../lower/lower-bindings.js";
import { readInput } from "../../read/read-bindings.js";
import { parallelRunRule } from "../../rules/ap405-parallel-run.js";
import { parallelLoaderRule } from "../../rules/ap409-parallel-loader.js";
import { nonEmpty } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind } from "./step-kind.js";

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
  features: { inputs: true, outputs: true, arguments: true, parameters: false, sideInputs: true },
  v1Keys: { parallel_run_config: nonEmpty },
  v1OmittedCommonKeys: ["compute", "source_directory", "runconfig"],
  requiredV1Keys: ["parallel_run_config"],
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
    return {
      ...base,
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
    const [first] = step.inputs;
    const [output] = step.outputs;
    return {
      type: "parallel",
      ...context.common,
      ...(first ? { input_data: `\${{inputs.${first.name}}}` } : {}),
      ...definedEntries({ mini_batch_size: c.miniBatchSize, error_threshold: c.errorThreshold }),
      ...(c.nodeCount !== undefined ? { resources: { instance_count: c.nodeCount } } : {}),
      ...(c.processCountPerNode !== undefined ? { max_concurrency_per_instance: c.processCountPerNode } : {}),
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
  importCall: (step, context) => ({
    factory: "parallelRunStep",
    options: tsLiterals({ ...step.parallelRunConfig, sourceDirectory: context.sourceDirectory }),
    chainsBindings: true,
  }),
  rules: [parallelRunRule, parallelLoaderRule],
};
