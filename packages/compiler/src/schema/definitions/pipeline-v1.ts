import {
  bool,
  DRAFT_2020_12,
  int,
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
    path_on_compute: str,
    overwrite: bool,
  },
} as const;

const output = {
  type: "object",
  required: ["destination"],
  additionalProperties: false,
  properties: {
    destination: nonEmpty,
    datastore: nonEmpty,
    bind_mode: { enum: ["mount", "upload"] },
    path_on_compute: str,
    overwrite: bool,
    as_dataset: bool,
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

const requiredByType: Record<(typeof stepTypes)[number], readonly string[]> = {
  PythonScriptStep: ["script_name"],
  ParallelRunStep: ["parallel_run_config"],
  AdlaStep: ["script_name"],
  AzureBatchStep: ["executable", "create_pool", "vm_size", "delete_batch_job_after_finish"],
  DatabricksStep: [],
  DataTransferStep: ["source_data_reference", "destination_data_reference"],
};

/** The schema of `pipeline.yaml` (v1 pipeline YAML) as amlpipe writes it. */
export const pipelineV1Schema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}pipeline.v1.schema.json`,
  title: "Azure Machine Learning v1 pipeline YAML (as written by amlpipe)",
  type: "object",
  required: ["pipeline"],
  additionalProperties: false,
  properties: {
    pipeline: {
      type: "object",
      required: ["steps"],
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
        data_references: {
          type: "object",
          additionalProperties: {
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
          },
        },
        default_compute: nonEmpty,
        steps: {
          type: "object",
          minProperties: 1,
          additionalProperties: {
            type: "object",
            required: ["type"],
            additionalProperties: false,
            properties: {
              type: { enum: stepTypes },
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
              allow_reuse: bool,
              script_name: nonEmpty,
              parallel_run_config: nonEmpty,
              side_inputs: { type: "object", additionalProperties: input },
              degree_of_parallelism: int,
              priority: int,
              runtime_version: str,
              executable: nonEmpty,
              pool_id: strOrNull,
              create_pool: bool,
              vm_size: str,
              vm_image_urn: strOrNull,
              delete_batch_job_after_finish: bool,
              delete_batch_pool_after_finish: bool,
              is_positive_exit_code_failure: bool,
              run_task_as_admin: bool,
              target_compute_nodes: int,
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
              num_workers: int,
              min_workers: int,
              max_workers: int,
              spark_env_variables: stringMap,
              spark_conf: stringMap,
              init_scripts: strings,
              cluster_log_dbfs_path: str,
              timeout_seconds: int,
              source_data_reference: oneEntry(input),
              destination_data_reference: oneEntry(output),
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
