import { Ajv, type ValidateFunction } from "ajv";

// The REST shape of a pipeline job's nodes and of the anonymous components they run, as the official
// SDK (azure-ai-ml) sends them: ../shared/reference/azure-submit-flow.md, "A REST node". The spec types
// `PipelineJob.jobs` as free-form objects, so this schema is where the emulator learns the shape.

const ARM_ID =
  "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+/";
const INPUT_MODES = ["ReadOnlyMount", "ReadWriteMount", "Download", "Direct", "EvalMount", "EvalDownload"];
const OUTPUT_MODES = ["ReadWriteMount", "Upload", "Direct"];
const ASSET_TYPES = ["uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"];

const restInput = {
  oneOf: [
    {
      type: "object",
      required: ["job_input_type", "value"],
      additionalProperties: false,
      properties: {
        job_input_type: { const: "literal" },
        value: { type: "string" },
        mode: { enum: INPUT_MODES },
        description: { type: "string" },
      },
    },
    {
      type: "object",
      required: ["job_input_type", "uri"],
      additionalProperties: false,
      properties: {
        job_input_type: { enum: ASSET_TYPES },
        uri: { type: "string", minLength: 1 },
        mode: { enum: INPUT_MODES },
        description: { type: "string" },
      },
    },
  ],
};

const restOutput = {
  type: "object",
  required: ["job_output_type"],
  additionalProperties: false,
  properties: {
    job_output_type: { enum: ASSET_TYPES },
    uri: { type: "string" },
    mode: { enum: OUTPUT_MODES },
    description: { type: "string" },
  },
};

const COMMON = {
  name: { type: "string" },
  type: { type: "string" },
  display_name: { type: "string" },
  tags: { type: "object" },
  properties: { type: "object" },
  comment: { type: "string" },
  _source: { type: "string" },
  componentId: { type: "string", pattern: `^${ARM_ID}components/[^/]+/versions/[^/]+$` },
  computeId: { type: "string", pattern: `^${ARM_ID}computes/[^/]+$` },
  inputs: { type: "object", additionalProperties: restInput },
  outputs: { type: "object", additionalProperties: restOutput },
  identity: { type: "object" },
};

/** Keys a node of each type may carry beside the common ones (the SDK's `_to_rest_object`). */
const NODE_KEYS: Record<string, Record<string, unknown>> = {
  command: {
    resources: { type: "object" },
    distribution: { type: "object" },
    limits: { type: "object" },
    services: { type: "object" },
    queue_settings: { type: "object" },
  },
  spark: {
    entry: { type: "object" },
    conf: { type: "object" },
    args: { type: "string" },
    py_files: { type: "array" },
    jars: { type: "array" },
    files: { type: "array" },
    archives: { type: "array" },
    resources: { type: "object" },
  },
  parallel: {
    task: { type: "object" },
    mini_batch_size: { type: ["integer", "string"] },
    input_data: { type: "string" },
    retry_settings: { type: "object" },
    logging_level: { type: "string" },
    max_concurrency_per_instance: { type: "integer" },
    error_threshold: { type: "integer" },
    mini_batch_error_threshold: { type: "integer" },
    resources: { type: "object" },
    environment_variables: { type: "object" },
  },
  data_transfer: { task: { type: "string" }, data_copy_mode: { type: "string" } },
};

/** Spark nodes read and write data directly: only `Direct` modes (the SDK refuses others). */
const sparkModes = {
  properties: {
    inputs: { additionalProperties: { properties: { mode: { const: "Direct" } } } },
    outputs: { additionalProperties: { properties: { mode: { const: "Direct" } } } },
  },
};

const nodeSchema = {
  type: "object",
  required: ["type", "componentId"],
  properties: { type: { enum: Object.keys(NODE_KEYS) } },
  allOf: Object.entries(NODE_KEYS).map(([type, keys]) => ({
    if: { properties: { type: { const: type } } },
    then: {
      properties: { ...COMMON, ...keys },
      additionalProperties: false,
      ...(type === "spark" ? { allOf: [sparkModes] } : {}),
    },
  })),
};

const componentSpecSchema = {
  type: "object",
  required: ["type"],
  properties: {
    type: { enum: Object.keys(NODE_KEYS) },
    code: { type: "string", pattern: `^azureml:${ARM_ID}codes/[^/]+/versions/[^/]+$` },
    environment: { type: "string", pattern: `^azureml:${ARM_ID}environments/[^/]+/versions/[^/]+$` },
    inputs: { type: "object", additionalProperties: { type: "object", required: ["type"] } },
    outputs: { type: "object", additionalProperties: { type: "object", required: ["type"] } },
  },
  allOf: [
    { if: { properties: { type: { const: "command" } } }, then: { required: ["command", "environment"] } },
    { if: { properties: { type: { const: "spark" } } }, then: { required: ["entry"] } },
    {
      if: { properties: { type: { const: "parallel" } } },
      then: {
        required: ["task"],
        properties: {
          task: {
            type: "object",
            required: ["entry_script", "environment"],
            properties: { environment: { type: "string", pattern: `^azureml:${ARM_ID}environments/` } },
          },
        },
      },
    },
    { if: { properties: { type: { const: "data_transfer" } } }, then: { required: ["task"] } },
  ],
};

let compiled: { node: ValidateFunction; component: ValidateFunction } | undefined;

function schemas(): { node: ValidateFunction; component: ValidateFunction } {
  compiled ??= (() => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    return { node: ajv.compile(nodeSchema), component: ajv.compile(componentSpecSchema) };
  })();
  return compiled;
}

function messages(validate: ValidateFunction, value: unknown, at: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((e) => !["if", "allOf", "oneOf"].includes(e.keyword))
    .map((e) => {
      const params = e.params as Record<string, unknown>;
      const extra = params.additionalProperty ?? params.missingProperty;
      const path = `${at}${e.instancePath.replace(/\//g, ".")}${extra ? `.${String(extra)}` : ""}`;
      return `${path}: ${e.keyword === "additionalProperties" ? "is not a key of a REST node of this type" : (e.message ?? "is invalid")}`;
    });
}

/** Why a `PipelineJob.jobs` entry is not a REST node (empty when it is). */
export function restNodeViolations(node: unknown, at: string): string[] {
  return messages(schemas().node, node, at);
}

/** Why a component version's `componentSpec` is not one the service runs (empty when it is). */
export function componentSpecViolations(spec: unknown, at: string): string[] {
  return messages(schemas().component, spec, at);
}
