import { definedEntries } from "../../common/defined-entries.js";
import type { ParallelRunConfigIR } from "../../ir/step.js";
import { lowerInput } from "../../lower/lower-bindings.js";
import { readInput } from "../../read/read-bindings.js";
import { parallelRunRule } from "../../rules/ap405-parallel-run.js";
import { nonEmpty } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind } from "./step-kind.js";

/** ParallelRunStep: runs an entry script over mini-batches of a dataset, in parallel. */
export const parallelRunStep: StepKind<"ParallelRunStep"> = {
  type: "ParallelRunStep",
  summary: "runs an entry script over mini-batches of a dataset in parallel (AML cluster, Kubernetes, local)",
  computeKinds: allOf<"aml_cluster" | "kubernetes" | "local">()("aml_cluster", "kubernetes", "local"),
  features: { inputs: true, outputs: true, arguments: true, parameters: false, sideInputs: true },
  v1Keys: { parallel_run_config: nonEmpty },
  requiredV1Keys: ["parallel_run_config"],
  lower: (base, def, context) => ({
    ...base,
    type: "ParallelRunStep",
    parallelRunConfig: definedEntries(def.settings) as ParallelRunConfigIR,
    sideInputs: def.sideInputs.map((i) => lowerInput(i, context)),
  }),
  read(base, cursor, context) {
    const configCursor = cursor.get("parallel_run_config");
    const path = configCursor.string("parallel_run_config");
    const parallelRunConfig = (path !== undefined &&
      context.readParallelRunConfig(path, configCursor.at)) || { entryScript: "" };
    const sideInputs = cursor
      .get("side_inputs")
      .entries("side_inputs")
      .flatMap(({ key, value }) => readInput(key, value) ?? []);
    return { ...base, type: "ParallelRunStep", parallelRunConfig, sideInputs };
  },
  emitV1: (_step, context) => ({ parallel_run_config: context.sideFile }),
  sideFile: (step, safeName) => {
    const c = step.parallelRunConfig;
    return {
      path: `parallel_run_configs/${safeName}.yml`,
      schema: "parallel-run-config.schema.json",
      document: definedEntries({
        entry_script: c.entryScript,
        mini_batch_size: c.miniBatchSize,
        error_threshold: c.errorThreshold,
        output_action: c.outputAction,
        node_count: c.nodeCount,
        process_count_per_node: c.processCountPerNode,
        run_invocation_timeout: c.runInvocationTimeout,
      }),
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
  rules: [parallelRunRule],
};
