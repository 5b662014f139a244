import {
  DRAFT_2020_12,
  deprecated,
  looseBool,
  looseInt,
  nonEmpty,
  SCHEMA_BASE,
  str,
  stringMap,
  strings,
  strOrNull,
} from "./common.js";

const input = {
  type: "object",
  required: ["source"],
  additionalProperties: false,
  properties: {
    source: nonEmpty,
    bind_mode: { enum: ["mount", "download"] },
    type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "download"] }),
    path_on_compute: str,
    overwrite: looseBool,
  },
} as const;

const outputProperties = {
  destination: nonEmpty,
  datastore: nonEmpty,
  bind_mode: { enum: ["mount", "upload"] },
  type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "upload"] }),
  path_on_compute: str,
  overwrite: looseBool,
  as_dataset: looseBool,
} as const;

const output = {
  type: "object",
  required: ["destination"],
  additionalProperties: false,
  properties: outputProperties,
} as const;

/**
 * DataTransferStep's destination binding. The reference page's example names it with `source:`
 * (a destination written as a source), which amlpipe reads with a warning.
 */
const transferDestination = {
  type: "object",
  anyOf: [{ required: ["destination"] }, { required: ["source"] }],
  additionalProperties: false,
  properties: {
    ...outputProperties,
    source: deprecated("the destination's name; write it as destination", nonEmpty),
  },
} as const;

const oneEntry = (binding: object) =>
  ({ type: "object", minProperties: 1, maxProperties: 1, additionalProperties: binding }) as const;

const stepTypes = [
  "PythonScriptStep",
  "ParallelRunStep",
  "AdlaStep",
  "AzureBatchStep",
  "DatabricksStep",
  "DataTransferStep",
] as const;

// What a step of each type cannot do without. AzureBatchStep's other keys are written explicitly by
// amlpipe (the loader turns absent keys into empties), but the reference page's example omits them.
const requiredByType: Record<(typeof stepTypes)[number], readonly string[]> = {
  PythonScriptStep: ["script_name"],
  ParallelRunStep: ["parallel_run_config"],
  AdlaStep: ["script_name"],
  AzureBatchStep: ["executable"],
  DatabricksStep: [],
  DataTransferStep: ["source_data_reference", "destination_data_reference"],
};

const dataReference = {
  type: "object",
  minProperties: 1,
  additionalProperties: false,
  properties: {
    datastore: nonEmpty,
    path_on_datastore: str,
    bind_mode: { enum: ["mount", "download", "upload"] },
    sql_table: str,
    sql_query: str,
    sql_stored_procedure: str,
    sql_stored_procedure_params: stringMap,
    dataset_name: nonEmpty,
    dataset_id: nonEmpty,
  },
} as const;

/**
 * The schema of `pipeline.yaml` (v1 pipeline YAML): what amlpipe writes, widened to what its reader
 * accepts from files in the wild (quoted numbers and booleans, the reference page's deprecated and
 * ignored keys, the `DatabricsStep` misspelling), so that editors do not flag the documented examples.
 * Keys the reader warns about carry `deprecated: true`.
 */
export const pipelineV1Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}pipeline.v1.schema.json`,
  title: "Azure Machine Learning v1 pipeline YAML (as amlpipe writes and reads it)",
  type: "object",
  required: ["pipeline"],
  additionalProperties: false,
  properties: {
    pipeline: {
      type: "object",
      additionalProperties: false,
      properties: {
        name: nonEmpty,
        description: str,
        parameters: {
          type: "object",
          additionalProperties: {
            type: "object",
            required: ["type"],
            additionalProperties: false,
            properties: {
              type: { enum: ["string", "int", "float", "bool", "datapath"] },
              default: {
                anyOf: [
                  { type: ["string", "number", "boolean"] },
                  {
                    type: "object",
                    required: ["datastore", "path_on_datastore"],
                    additionalProperties: false,
                    properties: { datastore: nonEmpty, path_on_datastore: str },
                  },
                ],
              },
            },
          },
        },
        data_references: { type: "object", additionalProperties: dataReference },
        data_reference: deprecated(
          "the key is data_references (plural); the Azure ML loader ignores this one",
          {
            type: "object",
            additionalProperties: dataReference,
          },
        ),
        default_compute: nonEmpty,
        steps: {
          type: "object",
          additionalProperties: {
            type: "object",
            required: ["type"],
            additionalProperties: false,
            properties: {
              type: {
                anyOf: [
                  { enum: stepTypes },
                  deprecated("misspelling of DatabricksStep on the reference page", {
                    const: "DatabricsStep",
                  }),
                ],
              },
              name: nonEmpty,
              compute: nonEmpty,
              source_directory: str,
              runconfig: str,
              arguments: { type: "array", items: { type: ["string", "number", "boolean"] } },
              parameters: {
                type: "object",
                additionalProperties: {
                  anyOf: [
                    { type: ["string", "number", "boolean"] },
                    {
                      type: "object",
                      required: ["source"],
                      additionalProperties: false,
                      properties: { source: nonEmpty },
                    },
                  ],
                },
              },
              inputs: { type: "object", additionalProperties: input },
              outputs: { type: "object", additionalProperties: output },
              allow_reuse: looseBool,
              version: str,
              hash_paths: deprecated("deprecated by the Azure ML SDK", strings),
              compute_target: deprecated("ignored by the Azure ML loader: use compute", str),
              adla_compute_name: deprecated("ignored by the Azure ML loader: use compute", str),
              script_name: nonEmpty,
              parallel_run_config: nonEmpty,
              side_inputs: { type: "object", additionalProperties: input },
              degree_of_parallelism: looseInt,
              priority: looseInt,
              runtime_version: str,
              executable: nonEmpty,
              pool_id: strOrNull,
              create_pool: looseBool,
              vm_size: str,
              vm_image_urn: strOrNull,
              delete_batch_job_after_finish: looseBool,
              delete_batch_pool_after_finish: looseBool,
              is_positive_exit_code_failure: looseBool,
              run_task_as_admin: looseBool,
              target_compute_nodes: looseInt,
              run_name: str,
              notebook_path: str,
              notebook_params: stringMap,
              python_script_path: str,
              python_script_name: str,
              python_script_params: strings,
              main_class_name: str,
              jar_params: strings,
              existing_cluster_id: str,
              spark_version: str,
              node_type: str,
              instance_pool_id: str,
              num_workers: looseInt,
              min_workers: looseInt,
              max_workers: looseInt,
              spark_env_variables: stringMap,
              spark_conf: stringMap,
              init_scripts: strings,
              cluster_log_dbfs_path: str,
              timeout_seconds: looseInt,
              source_data_reference: oneEntry(input),
              destination_data_reference: oneEntry(transferDestination),
              source_reference_type: { enum: ["file", "directory"] },
              destination_reference_type: { enum: ["file", "directory"] },
            },
            allOf: stepTypes.map((type) => ({
              if: { properties: { type: { const: type } } },
              then: { required: requiredByType[type] },
            })),
          },
        },
      },
    },
  },
} as const;
