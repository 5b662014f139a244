import { DRAFT_2020_12, described, nonEmpty, SCHEMA_BASE, str } from "./common.js";
import {
  commandNode,
  computeReference,
  dataTransferNode,
  INPUT_MODES,
  INPUT_TYPES,
  nodeKeys,
  OUTPUT_MODES,
  OUTPUT_TYPES,
  parallelNode,
  sparkNode,
} from "./v2-node-schemas.js";

// The pipeline job and the top-level jobs, by azure-ai-ml's rules; their nodes' schemas are in
// v2-node-schemas.ts.

/** A data object at the pipeline level (inputs need a path; outputs may leave it to the service). */
const pipelineData = (required: readonly string[], types: readonly string[], modes: readonly string[]) =>
  ({
    type: "object",
    required,
    additionalProperties: false,
    properties: {
      type: described("the kind of data: a folder, a file, an MLTable or a model", { enum: types }),
      path: described("where the data is, or goes: azureml://datastores/<store>/paths/<path>, ...", nonEmpty),
      mode: described("how jobs see the data (mounted, downloaded or uploaded, or direct)", { enum: modes }),
      description: described("what Azure ML shows for it", str),
    },
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
    $schema: described("the official schema of pipeline jobs, for editors", {
      const: "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json",
    }),
    type: described("a pipeline job", { const: "pipeline" }),
    name: nodeKeys.name,
    display_name: described("the name Azure ML shows", nonEmpty),
    experiment_name: nodeKeys.experiment_name,
    description: described("what Azure ML shows for the pipeline", str),
    tags: nodeKeys.tags,
    properties: nodeKeys.properties,
    compute: described("the compute of jobs that name none: azureml:<name> or an ARM id", computeReference),
    identity: described("the identity jobs access data with: user_identity, managed or aml_token", {
      type: "object",
    }),
    settings: {
      type: "object",
      description: "settings of the whole pipeline",
      properties: {
        default_compute: described("the compute of jobs that name none", computeReference),
        default_datastore: described("the datastore outputs go to when they name none", nonEmpty),
        default_environment: described("the environment of jobs that name none", nonEmpty),
        continue_on_step_failure: described("let jobs that do not depend on a failed one go on", {
          type: "boolean",
        }),
        force_rerun: described("run every job again, reusing no earlier result", { type: "boolean" }),
        on_init: described("a job that runs before the others (setup)", nonEmpty),
        on_finalize: described("a job that runs after the others, whatever their result (cleanup)", nonEmpty),
      },
    },
    inputs: {
      type: "object",
      description: "the pipeline's inputs by name: values, or data; jobs bind them as ${{parent.inputs.x}}",
      additionalProperties: {
        oneOf: [{ type: ["string", "number", "boolean"] }, pipelineData(["path"], INPUT_TYPES, INPUT_MODES)],
      },
    },
    outputs: described("the pipeline's outputs by name; jobs bind them as ${{parent.outputs.x}}", {
      type: "object",
      additionalProperties: pipelineData([], OUTPUT_TYPES, OUTPUT_MODES),
    }),
    jobs: {
      type: "object",
      description: "the pipeline's jobs (its steps) by name",
      minProperties: 1,
      additionalProperties: {
        type: "object",
        required: ["type"],
        // One schema per node type, picked by `type` (so an editor offers that type's keys only).
        properties: {
          type: described("the kind of job: which of the other keys apply", {
            enum: ["command", "spark", "parallel", "data_transfer"],
          }),
        },
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
const jobCompute = {
  description: "the compute it runs on: azureml:<name>, an ARM id, or local (this machine)",
  oneOf: [computeReference, { const: "local" }],
} as const;

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
        $schema: described("the official schema of command jobs, for editors", {
          const: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json",
        }),
        compute: jobCompute,
      },
    },
    {
      ...sparkNode,
      properties: {
        ...sparkNode.properties,
        $schema: described("the official schema of Spark jobs, for editors", {
          const: "https://azuremlschemas.azureedge.net/latest/sparkJob.schema.json",
        }),
        compute: jobCompute,
      },
    },
  ],
} as const;
