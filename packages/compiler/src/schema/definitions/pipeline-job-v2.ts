import { DRAFT_2020_12, nonEmpty, SCHEMA_BASE, str } from "./common.js";

// The rules are azure-ai-ml's (its marshmallow schemas for pipeline jobs and their nodes): modes per
// node type, required environment, the data transfer's component, `azureml:` compute references.
const bindingOf = (modes: readonly string[]) =>
  ({
    oneOf: [
      { type: ["string", "number", "boolean"] },
      {
        type: "object",
        required: ["path"],
        properties: { type: { enum: ["uri_folder", "uri_file"] }, path: nonEmpty, mode: { enum: modes } },
        additionalProperties: false,
      },
    ],
  }) as const;
const outputOf = (modes: readonly string[]) =>
  ({
    type: "object",
    required: ["type"],
    additionalProperties: false,
    properties: {
      type: { enum: ["uri_folder", "uri_file"] },
      mode: { enum: modes },
      path: nonEmpty,
    },
  }) as const;
const binding = bindingOf(["ro_mount", "download"]);
const output = outputOf(["rw_mount", "upload"]);
/** Spark jobs read and write only `direct` (azure-ai-ml `SparkJob._validate_input_output_mode`). */
const sparkIo = {
  inputs: { type: "object", additionalProperties: bindingOf(["direct"]) },
  outputs: { type: "object", additionalProperties: outputOf(["direct"]) },
} as const;
/** What a Spark job runs: its entry file, arguments and Spark settings (node or top-level job). */
const sparkRun = {
  entry: {
    type: "object",
    required: ["file"],
    properties: { file: nonEmpty },
    additionalProperties: false,
  },
  args: str,
  conf: { type: "object" },
} as const;
const computeReference = { type: "string", pattern: "^azureml:.+" } as const;
const environment = {
  oneOf: [
    { type: "string", pattern: "^azureml:" },
    {
      type: "object",
      required: ["image"],
      additionalProperties: false,
      properties: { image: nonEmpty, conda_file: { type: "object" } },
    },
  ],
} as const;
const common = {
  display_name: str,
  compute: computeReference,
  inputs: { type: "object", additionalProperties: binding },
  outputs: { type: "object", additionalProperties: output },
} as const;

/** The subset of the Azure ML v2 pipeline job YAML that amlpipe writes (`--target v2`). */
export const pipelineJobV2Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}pipeline-job.v2.schema.json`,
  title: "Azure ML v2 pipeline job YAML (the subset written by amlpipe)",
  type: "object",
  required: ["$schema", "type", "display_name", "jobs"],
  additionalProperties: false,
  properties: {
    $schema: { const: "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json" },
    type: { const: "pipeline" },
    display_name: nonEmpty,
    experiment_name: nonEmpty,
    description: str,
    settings: {
      type: "object",
      additionalProperties: false,
      properties: {
        default_compute: computeReference,
        default_datastore: nonEmpty,
        continue_on_step_failure: { type: "boolean" },
      },
    },
    inputs: {
      type: "object",
      additionalProperties: {
        oneOf: [
          { type: ["string", "number", "boolean"] },
          {
            type: "object",
            required: ["type", "path"],
            additionalProperties: false,
            properties: {
              type: { enum: ["uri_file", "uri_folder"] },
              path: nonEmpty,
              mode: { enum: ["ro_mount", "download"] },
            },
          },
        ],
      },
    },
    jobs: {
      type: "object",
      minProperties: 1,
      additionalProperties: {
        oneOf: [
          {
            type: "object",
            required: ["type", "command", "environment"],
            additionalProperties: false,
            properties: { type: { const: "command" }, code: str, command: nonEmpty, environment, ...common },
          },
          {
            type: "object",
            required: ["type", "entry"],
            additionalProperties: false,
            properties: {
              type: { const: "spark" },
              code: str,
              ...sparkRun,
              ...common,
              ...sparkIo,
            },
          },
          {
            type: "object",
            required: ["type", "task"],
            additionalProperties: false,
            properties: {
              type: { const: "parallel" },
              input_data: str,
              mini_batch_size: str,
              error_threshold: { type: "integer" },
              resources: {
                type: "object",
                properties: { instance_count: { type: "integer", minimum: 1 } },
                additionalProperties: false,
              },
              max_concurrency_per_instance: { type: "integer", minimum: 1 },
              task: {
                type: "object",
                required: ["type", "entry_script", "environment"],
                additionalProperties: false,
                properties: {
                  type: { const: "run_function" },
                  code: str,
                  entry_script: nonEmpty,
                  environment,
                  program_arguments: str,
                  append_row_to: str,
                },
              },
              ...common,
            },
          },
          {
            type: "object",
            required: ["type", "task", "component"],
            additionalProperties: false,
            properties: {
              type: { const: "data_transfer" },
              task: { const: "copy_data" },
              component: {
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
              ...common,
            },
          },
        ],
      },
    },
  },
} as const;

/** A top-level job may also run on `local` (azure-ai-ml runs such a job on this machine). */
const jobCompute = { oneOf: [computeReference, { const: "local" }] } as const;
const jobKeys = {
  experiment_name: nonEmpty,
  description: str,
  display_name: str,
  compute: jobCompute,
} as const;

/**
 * A training run as a v2 job (`az ml job create -f job.yaml`): a command job, or a Spark job for a
 * pyspark run on Synapse; the same rules as the pipeline's nodes of those types.
 */
export const trainingJobV2Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}training-job.v2.schema.json`,
  title: "Azure ML v2 command or Spark job YAML (a training run, as written by amlpipe)",
  oneOf: [
    {
      type: "object",
      required: ["$schema", "type", "command", "environment", "code", "experiment_name"],
      additionalProperties: false,
      properties: {
        $schema: { const: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json" },
        type: { const: "command" },
        code: nonEmpty,
        command: nonEmpty,
        environment,
        ...jobKeys,
      },
    },
    {
      type: "object",
      required: ["$schema", "type", "entry", "code", "experiment_name"],
      additionalProperties: false,
      properties: {
        $schema: { const: "https://azuremlschemas.azureedge.net/latest/sparkJob.schema.json" },
        type: { const: "spark" },
        code: nonEmpty,
        ...sparkRun,
        ...jobKeys,
      },
    },
  ],
} as const;
