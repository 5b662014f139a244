import { deprecated, described, int, nonEmpty, str, stringMap } from "./common.js";

// The rules are azure-ai-ml's (its marshmallow schemas under azure/ai/ml/_schema/ for pipeline jobs and
// their command, spark, parallel and data_transfer nodes), not the subset amlpipe writes: a file `az ml`
// accepts must pass, and what azure-ai-ml refuses must not (required keys and modes per node type,
// compute forms, a required environment for command and parallel jobs).

/** Data types of job inputs (azure-ai-ml `AssetTypes`); outputs have the same less `triton_model`. */
export const INPUT_TYPES = [
  "uri_folder",
  "uri_file",
  "mltable",
  "mlflow_model",
  "custom_model",
  "triton_model",
];
export const OUTPUT_TYPES = ["uri_folder", "uri_file", "mltable", "mlflow_model", "custom_model"];
/** Input modes (`InputOutputModes`): mounts, download, direct and the evaluated forms. */
export const INPUT_MODES = ["ro_mount", "download", "direct", "eval_mount", "eval_download"];
export const OUTPUT_MODES = ["rw_mount", "upload", "direct"];

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
          type: described("the kind of data: a folder, a file, an MLTable or a model", { enum: INPUT_TYPES }),
          path: described(
            "where the data is: azureml://datastores/<store>/paths/<path>, azureml:<asset>:<version>, a URL or a local path",
            nonEmpty,
          ),
          mode: described("how the job sees the data: mounted read-only, downloaded, or its URL (direct)", {
            enum: modes,
          }),
          description: described("what Azure ML shows for the input", str),
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
          type: described("the kind of data the job writes (uri_folder when unset)", { enum: OUTPUT_TYPES }),
          mode: described("how the job writes: a read-write mount, an upload at the end, or direct", {
            enum: modes,
          }),
          path: described("where the output goes: azureml://datastores/<store>/paths/<path>", nonEmpty),
          name: described("register the output as a data asset of this name", nonEmpty),
          version: described("the version of the registered data asset", { type: ["string", "integer"] }),
          description: described("what Azure ML shows for the output", str),
        },
      },
    ],
  }) as const;
/** Compute references: `azureml:<name>` or an ARM id (`local` only for top-level jobs). */
export const computeReference = { type: "string", pattern: "^(azureml:.+|/subscriptions/.+)" } as const;
/** An inline environment (azure-ai-ml `AnonymousEnvironmentSchema`): an image or a build context. */
const inlineEnvironment = {
  type: "object",
  anyOf: [{ required: ["image"] }, { required: ["build"] }],
  additionalProperties: false,
  properties: {
    name: described("the environment's name, when it is registered", nonEmpty),
    version: described("the environment's version, when it is registered", { type: ["string", "integer"] }),
    description: described("what Azure ML shows for the environment", str),
    tags: described("tags of the environment", stringMap),
    image: described(
      "the Docker image to run in, e.g. mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
      nonEmpty,
    ),
    conda_file: described("a conda environment file (path) or its contents, installed on the image", {
      oneOf: [nonEmpty, { type: "object" }],
    }),
    build: {
      type: "object",
      description: "a Docker build context to build the image from (instead of image)",
      required: ["path"],
      properties: {
        path: described("the build context folder", nonEmpty),
        dockerfile_path: described("the Dockerfile, relative to path (Dockerfile when unset)", nonEmpty),
      },
      additionalProperties: false,
    },
    os_type: described("the image's operating system (linux when unset)", {
      enum: ["linux", "windows", "Linux", "Windows"],
    }),
    inference_config: described("routes of an inference server image (for deployments)", { type: "object" }),
  },
} as const;
const environment = {
  description: "the environment the job runs in: azureml:<name>:<version> or @latest, or one defined inline",
  oneOf: [{ type: "string", pattern: "^azureml:.+" }, inlineEnvironment],
} as const;
/** Keys every node (and job) may carry. */
export const nodeKeys = {
  name: described("the job's name (unique in the workspace; generated when unset)", nonEmpty),
  display_name: described("the name Azure ML shows", str),
  description: described("what Azure ML shows for the job", str),
  tags: described("tags of the job", { type: "object" }),
  properties: described("properties of the job, set once", { type: "object" }),
  experiment_name: described("the experiment the job is filed under", nonEmpty),
  compute: described("the compute it runs on: azureml:<name> or an ARM id", computeReference),
  identity: described("the identity the job accesses data with: user_identity, managed or aml_token", {
    type: "object",
  }),
  environment_variables: described("environment variables the job sees", { type: "object" }),
  inputs: described("the job's inputs by name: a value, a ${{parent...}} binding, or data", {
    type: "object",
    additionalProperties: inputOf(INPUT_MODES),
  }),
  outputs: described("the job's outputs by name: a ${{parent.outputs...}} binding, or data", {
    type: "object",
    additionalProperties: outputOf(OUTPUT_MODES),
  }),
} as const;
/** Spark jobs read and write only `direct` (azure-ai-ml `SparkJob._validate_input_output_mode`). */
const sparkIo = {
  inputs: described("the job's inputs by name (mode direct only)", {
    type: "object",
    additionalProperties: inputOf(["direct"]),
  }),
  outputs: described("the job's outputs by name (mode direct only)", {
    type: "object",
    additionalProperties: outputOf(["direct"]),
  }),
} as const;
/** What a Spark job runs: its entry, arguments, files and Spark settings (node or top-level job). */
const sparkRun = {
  entry: {
    type: "object",
    description: "what Spark runs: a Python file, or a JVM class",
    oneOf: [{ required: ["file"] }, { required: ["class_name"] }],
    properties: {
      file: described("the Python file Spark runs, relative to code", nonEmpty),
      class_name: described("the main class Spark runs (from jars)", nonEmpty),
    },
    additionalProperties: false,
  },
  args: described("the entry's arguments, one string; ${{inputs.x}} and ${{outputs.y}} are replaced", str),
  conf: described("Spark settings (spark.* keys)", { type: "object" }),
  py_files: described(".zip, .egg or .py files put on the PYTHONPATH", { type: "array", items: nonEmpty }),
  jars: described(".jar files put on the driver's and executors' classpaths", {
    type: "array",
    items: nonEmpty,
  }),
  files: described("files put in each executor's working folder", { type: "array", items: nonEmpty }),
  archives: described("archives extracted into each executor's working folder", {
    type: "array",
    items: nonEmpty,
  }),
  environment,
  resources: {
    type: "object",
    description: "serverless Spark: the instance type and runtime (instead of an attached compute)",
    required: ["instance_type"],
    properties: {
      instance_type: described("the VM size of the Spark nodes, e.g. standard_e4s_v3", nonEmpty),
      runtime_version: described("the Spark runtime version, e.g. 3.4", { type: ["string", "number"] }),
    },
    additionalProperties: false,
  },
  driver_cores: described("cores of the Spark driver", int),
  driver_memory: described("memory of the Spark driver, e.g. 2g", nonEmpty),
  executor_cores: described("cores of each executor", int),
  executor_memory: described("memory of each executor, e.g. 2g", nonEmpty),
  executor_instances: described("the executors to start", int),
  dynamic_allocation_enabled: described("let Spark add and remove executors as the load changes", {
    type: "boolean",
  }),
  dynamic_allocation_min_executors: described("the fewest executors with dynamic allocation", int),
  dynamic_allocation_max_executors: described("the most executors with dynamic allocation", int),
} as const;
/** "One of either compute or resources must be specified for Spark job" (azure-ai-ml). */
const sparkPlacement = { anyOf: [{ required: ["compute"] }, { required: ["resources"] }] } as const;
const commandResources = {
  type: "object",
  description: "the nodes the job runs on",
  properties: {
    instance_count: described("how many nodes (1 when unset)", { type: "integer", minimum: 1 }),
    instance_type: described("the VM size, where the compute offers several (Kubernetes)", nonEmpty),
    shm_size: described("the Docker container's shared memory, e.g. 2g", nonEmpty),
    properties: described("settings of the compute's own kind", { type: "object" }),
  },
  additionalProperties: false,
} as const;

/** A command node: its command and environment are required (azure-ai-ml `ParameterizedCommandSchema`). */
export const commandNode = {
  type: "object",
  required: ["type", "command", "environment"],
  additionalProperties: false,
  properties: {
    type: described("a command job: runs a shell command in an environment", { const: "command" }),
    code: described("the folder uploaded as the job's code (the command runs in it)", nonEmpty),
    command: described(
      "the shell command to run; ${{inputs.x}} and ${{outputs.y}} are replaced with paths or values",
      nonEmpty,
    ),
    environment,
    resources: commandResources,
    distribution: described("distributed training: type pytorch, mpi or tensorflow, and its settings", {
      type: "object",
    }),
    limits: described("limits of the job, e.g. timeout in seconds", { type: "object" }),
    services: described("interactive services on the nodes: jupyter_lab, ssh, tensor_board, vs_code", {
      type: "object",
    }),
    queue_settings: described("the job tier and priority, on computes that queue jobs", { type: "object" }),
    ...nodeKeys,
  },
} as const;
export const sparkNode = {
  type: "object",
  required: ["type", "entry"],
  ...sparkPlacement,
  additionalProperties: false,
  properties: {
    type: described("a Spark job", { const: "spark" }),
    code: described(
      "the folder uploaded as the job's code (entry, py_files and the rest are in it)",
      nonEmpty,
    ),
    ...nodeKeys,
    ...sparkRun,
    ...sparkIo,
  },
} as const;
const parallelTask = {
  type: "object",
  description: "what each mini-batch runs",
  required: ["type", "environment"],
  // A function task names the script it runs; a model task needs none.
  anyOf: [
    { properties: { type: described("a model task", { const: "model" }) } },
    { required: ["entry_script"] },
  ],
  additionalProperties: false,
  properties: {
    type: described("run_function (an entry script with init() and run()), or model", {
      enum: ["run_function", "function", "model"],
    }),
    code: described("the folder uploaded with the entry script", nonEmpty),
    entry_script: described("the script with init() and run(mini_batch), relative to code", nonEmpty),
    environment,
    program_arguments: described("arguments of the entry script, one string", str),
    args: deprecated("the older name of program_arguments, still in the official examples", str),
    model: described("the model a model task scores with", nonEmpty),
    append_row_to: described("append run()'s results to this output, e.g. ${{outputs.scores}}", str),
  },
} as const;
export const parallelNode = {
  type: "object",
  required: ["type", "task"],
  additionalProperties: false,
  properties: {
    type: described("a parallel job: runs a task on mini-batches of its input, on many nodes", {
      const: "parallel",
    }),
    input_data: described("the input it splits into mini-batches, e.g. ${{inputs.images}}", str),
    mini_batch_size: described("files per mini-batch (folder input), or a size such as 10mb (tabular)", {
      type: ["string", "integer"],
    }),
    partition_keys: described("columns of a tabular input that group rows into mini-batches", {
      type: "array",
      items: nonEmpty,
    }),
    error_threshold: described("failed items tolerated before the job fails; -1 tolerates all", int),
    mini_batch_error_threshold: described("failed mini-batches tolerated; -1 tolerates all", int),
    logging_level: described("the level of the job's own logs", {
      enum: ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
    }),
    max_concurrency_per_instance: described("task processes per node", { type: "integer", minimum: 1 }),
    retry_settings: {
      type: "object",
      description: "how a failed or timed-out mini-batch is retried",
      properties: {
        max_retries: described("retries of a failed mini-batch", int),
        timeout: described("seconds a mini-batch may take", int),
      },
      additionalProperties: false,
    },
    resources: commandResources,
    task: parallelTask,
    ...nodeKeys,
  },
} as const;
/** A copy: its inline component is required and `task` is only `copy_data` (azure-ai-ml `DataTransferCopySchema`). */
export const dataTransferNode = {
  type: "object",
  required: ["type", "task", "component"],
  additionalProperties: false,
  properties: {
    type: described("a data transfer job: copies data between storages", { const: "data_transfer" }),
    task: described("copy_data: copies its inputs to its output", { const: "copy_data" }),
    data_copy_mode: deprecated("a component property: write it under component", {
      enum: ["merge_with_overwrite", "fail_if_conflict"],
    }),
    component: {
      description: "the copy component: azureml:<name>:<version>, or defined inline",
      oneOf: [
        nonEmpty,
        {
          type: "object",
          required: ["type", "task"],
          additionalProperties: false,
          properties: {
            type: described("a data transfer component", { const: "data_transfer" }),
            task: described("copy_data: copies its inputs to its output", { const: "copy_data" }),
            data_copy_mode: described("overwrite files that exist at the destination, or fail on them", {
              enum: ["merge_with_overwrite", "fail_if_conflict"],
            }),
            inputs: described("the component's inputs by name, with their types", { type: "object" }),
            outputs: described("the component's outputs by name, with their types", { type: "object" }),
          },
        },
      ],
    },
    ...nodeKeys,
  },
} as const;
