import { DRAFT_2020_12, deprecated, int, nonEmpty, SCHEMA_BASE, str, stringMap } from "./common.js";

// The rules are azure-ai-ml's (its marshmallow schemas under azure/ai/ml/_schema/ for pipeline jobs and
// their command, spark, parallel and data_transfer nodes), not the subset amlpipe writes: a file `az ml`
// accepts must pass, and what azure-ai-ml refuses must not (required keys and modes per node type,
// compute forms, a required environment for command and parallel jobs).

/** Data types of job inputs (azure-ai-ml `AssetTypes`); outputs have the same less `triton_model`. */
const INPUT_TYPES = ["uri_folder", "uri_file", "mltable", "mlflow_model", "custom_model", "triton_model"];
const OUTPUT_TYPES = ["uri_folder", "uri_file", "mltable", "mlflow_model", "custom_model"];
/** Input modes (`InputOutputModes`): mounts, download, direct and the evaluated forms. */
const INPUT_MODES = ["ro_mount", "download", "direct", "eval_mount", "eval_download"];
const OUTPUT_MODES = ["rw_mount", "upload", "direct"];

/** `${{parent.inputs.x}}`, `${{parent.jobs.j.outputs.y}}`, `${{parent.outputs.z}}`: a binding. */
const bindingExpression = { type: "string", pattern: "^\\$\\{\\{parent\\.[^}]+\\}\\}$" } as const;
/** An input given as a value: a literal (or binding), or a data object with its path. */
const inputOf = (modes: readonly string[]) =>
  ({
    oneOf: [
      { type: ["string", "number", "boolean"] },
      {
        type: "object",
        required: ["path"],
        additionalProperties: false,
        properties: {
          type: { enum: INPUT_TYPES },
          path: nonEmpty,
          mode: { enum: modes },
          description: str,
        },
      },
    ],
  }) as const;
/** An output: a binding to a pipeline output, or a data object (type defaults to `uri_folder`). */
const outputOf = (modes: readonly string[]) =>
  ({
    oneOf: [
      bindingExpression,
      {
        type: "object",
        additionalProperties: false,
        properties: {
          type: { enum: OUTPUT_TYPES },
          mode: { enum: modes },
          path: nonEmpty,
          name: nonEmpty,
          version: { type: ["string", "integer"] },
          description: str,
        },
      },
    ],
  }) as const;
/** Compute references: `azureml:<name>` or an ARM id (`local` only for top-level jobs). */
const computeReference = { type: "string", pattern: "^(azureml:.+|/subscriptions/.+)" } as const;
/** An inline environment (azure-ai-ml `AnonymousEnvironmentSchema`): an image or a build context. */
const inlineEnvironment = {
  type: "object",
  anyOf: [{ required: ["image"] }, { required: ["build"] }],
  additionalProperties: false,
  properties: {
    name: nonEmpty,
    version: { type: ["string", "integer"] },
    description: str,
    tags: stringMap,
    image: nonEmpty,
    conda_file: { oneOf: [nonEmpty, { type: "object" }] },
    build: {
      type: "object",
      required: ["path"],
      properties: { path: nonEmpty, dockerfile_path: nonEmpty },
      additionalProperties: false,
    },
    os_type: { enum: ["linux", "windows", "Linux", "Windows"] },
    inference_config: { type: "object" },
  },
} as const;
const environment = {
  oneOf: [{ type: "string", pattern: "^azureml:.+" }, inlineEnvironment],
} as const;
/** Keys every node (and job) may carry. */
const nodeKeys = {
  name: nonEmpty,
  display_name: str,
  description: str,
  tags: { type: "object" },
  properties: { type: "object" },
  experiment_name: nonEmpty,
  compute: computeReference,
  identity: { type: "object" },
  environment_variables: { type: "object" },
  inputs: { type: "object", additionalProperties: inputOf(INPUT_MODES) },
  outputs: { type: "object", additionalProperties: outputOf(OUTPUT_MODES) },
} as const;
/** Spark jobs read and write only `direct` (azure-ai-ml `SparkJob._validate_input_output_mode`). */
const sparkIo = {
  inputs: { type: "object", additionalProperties: inputOf(["direct"]) },
  outputs: { type: "object", additionalProperties: outputOf(["direct"]) },
} as const;
/** What a Spark job runs: its entry, arguments, files and Spark settings (node or top-level job). */
const sparkRun = {
  entry: {
    type: "object",
    oneOf: [{ required: ["file"] }, { required: ["class_name"] }],
    properties: { file: nonEmpty, class_name: nonEmpty },
    additionalProperties: false,
  },
  args: str,
  conf: { type: "object" },
  py_files: { type: "array", items: nonEmpty },
  jars: { type: "array", items: nonEmpty },
  files: { type: "array", items: nonEmpty },
  archives: { type: "array", items: nonEmpty },
  environment,
  resources: {
    type: "object",
    required: ["instance_type"],
    properties: { instance_type: nonEmpty, runtime_version: { type: ["string", "number"] } },
    additionalProperties: false,
  },
  driver_cores: int,
  driver_memory: nonEmpty,
  executor_cores: int,
  executor_memory: nonEmpty,
  executor_instances: int,
  dynamic_allocation_enabled: { type: "boolean" },
  dynamic_allocation_min_executors: int,
  dynamic_allocation_max_executors: int,
} as const;
/** "One of either compute or resources must be specified for Spark job" (azure-ai-ml). */
const sparkPlacement = { anyOf: [{ required: ["compute"] }, { required: ["resources"] }] } as const;
const commandResources = {
  type: "object",
  properties: {
    instance_count: { type: "integer", minimum: 1 },
    instance_type: nonEmpty,
    shm_size: nonEmpty,
    properties: { type: "object" },
  },
  additionalProperties: false,
} as const;

/** A command node: its command and environment are required (azure-ai-ml `ParameterizedCommandSchema`). */
const commandNode = {
  type: "object",
  required: ["type", "command", "environment"],
  additionalProperties: false,
  properties: {
    type: { const: "command" },
    code: nonEmpty,
    command: nonEmpty,
    environment,
    resources: commandResources,
    distribution: { type: "object" },
    limits: { type: "object" },
    services: { type: "object" },
    queue_settings: { type: "object" },
    ...nodeKeys,
  },
} as const;
const sparkNode = {
  type: "object",
  required: ["type", "entry"],
  ...sparkPlacement,
  additionalProperties: false,
  properties: { type: { const: "spark" }, code: nonEmpty, ...nodeKeys, ...sparkRun, ...sparkIo },
} as const;
const parallelTask = {
  type: "object",
  required: ["type", "environment"],
  // A function task names the script it runs; a model task needs none.
  anyOf: [{ properties: { type: { const: "model" } } }, { required: ["entry_script"] }],
  additionalProperties: false,
  properties: {
    type: { enum: ["run_function", "function", "model"] },
    code: nonEmpty,
    entry_script: nonEmpty,
    environment,
    program_arguments: str,
    args: deprecated("the older name of program_arguments, still in the official examples", str),
    model: nonEmpty,
    append_row_to: str,
  },
} as const;
const parallelNode = {
  type: "object",
  required: ["type", "task"],
  additionalProperties: false,
  properties: {
    type: { const: "parallel" },
    input_data: str,
    mini_batch_size: { type: ["string", "integer"] },
    partition_keys: { type: "array", items: nonEmpty },
    error_threshold: int,
    mini_batch_error_threshold: int,
    logging_level: { enum: ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] },
    max_concurrency_per_instance: { type: "integer", minimum: 1 },
    retry_settings: {
      type: "object",
      properties: { max_retries: int, timeout: int },
      additionalProperties: false,
    },
    resources: commandResources,
    task: parallelTask,
    ...nodeKeys,
  },
} as const;
/** A copy: its inline component is required and `task` is only `copy_data` (azure-ai-ml `DataTransferCopySchema`). */
const dataTransferNode = {
  type: "object",
  required: ["type", "task", "component"],
  additionalProperties: false,
  properties: {
    type: { const: "data_transfer" },
    task: { const: "copy_data" },
    data_copy_mode: deprecated("a component property: write it under component", {
      enum: ["merge_with_overwrite", "fail_if_conflict"],
    }),
    component: {
      oneOf: [
        nonEmpty,
        {
          type: "object",
          required: ["type", "task"],
          additionalProperties: false,
          properties: {
            type: { const: "data_transfer" },
            task: { const: "copy_data" },
            data_copy_mode: { enum: ["merge_with_overwrite", "fail_if_conflict"] },
            inputs: { type: "object" },
            outputs: { type: "object" },
          },
        },
      ],
    },
    ...nodeKeys,
  },
} as const;

/** A data object at the pipeline level (inputs need a path; outputs may leave it to the service). */
const pipelineData = (required: readonly string[], types: readonly string[], modes: readonly string[]) =>
  ({
    type: "object",
    required,
    additionalProperties: false,
    properties: { type: { enum: types }, path: nonEmpty, mode: { enum: modes }, description: str },
  }) as const;

/** The Azure ML v2 pipeline job YAML, by azure-ai-ml's rules (`az ml job create -f pipeline.yaml`). */
export const pipelineJobV2Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}pipeline-job.v2.schema.json`,
  title: "Azure ML v2 pipeline job YAML (by azure-ai-ml's rules for pipeline jobs and their nodes)",
  type: "object",
  required: ["type", "jobs"],
  additionalProperties: false,
  properties: {
    $schema: { const: "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json" },
    type: { const: "pipeline" },
    name: nonEmpty,
    display_name: nonEmpty,
    experiment_name: nonEmpty,
    description: str,
    tags: { type: "object" },
    properties: { type: "object" },
    compute: computeReference,
    identity: { type: "object" },
    settings: {
      type: "object",
      properties: {
        default_compute: computeReference,
        default_datastore: nonEmpty,
        default_environment: nonEmpty,
        continue_on_step_failure: { type: "boolean" },
        force_rerun: { type: "boolean" },
        on_init: nonEmpty,
        on_finalize: nonEmpty,
      },
    },
    inputs: {
      type: "object",
      additionalProperties: {
        oneOf: [{ type: ["string", "number", "boolean"] }, pipelineData(["path"], INPUT_TYPES, INPUT_MODES)],
      },
    },
    outputs: { type: "object", additionalProperties: pipelineData([], OUTPUT_TYPES, OUTPUT_MODES) },
    jobs: {
      type: "object",
      minProperties: 1,
      additionalProperties: {
        type: "object",
        required: ["type"],
        // One schema per node type, picked by `type` (so an editor offers that type's keys only).
        properties: { type: { enum: ["command", "spark", "parallel", "data_transfer"] } },
        allOf: [
          { if: { properties: { type: { const: "command" } } }, then: commandNode },
          { if: { properties: { type: { const: "spark" } } }, then: sparkNode },
          { if: { properties: { type: { const: "parallel" } } }, then: parallelNode },
          { if: { properties: { type: { const: "data_transfer" } } }, then: dataTransferNode },
        ],
      },
    },
  },
} as const;

/** A top-level job may also run on `local` (azure-ai-ml runs such a job on this machine). */
const jobCompute = { oneOf: [computeReference, { const: "local" }] } as const;

/**
 * A training run as a v2 job (`az ml job create -f job.yaml`): a command job, or a Spark job for a
 * pyspark run on Synapse; the same rules as the pipeline's nodes of those types.
 */
export const trainingJobV2Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}training-job.v2.schema.json`,
  title: "Azure ML v2 command or Spark job YAML (a training run)",
  oneOf: [
    {
      ...commandNode,
      properties: {
        ...commandNode.properties,
        $schema: { const: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json" },
        compute: jobCompute,
      },
    },
    {
      ...sparkNode,
      properties: {
        ...sparkNode.properties,
        $schema: { const: "https://azuremlschemas.azureedge.net/latest/sparkJob.schema.json" },
        compute: jobCompute,
      },
    },
  ],
} as const;
