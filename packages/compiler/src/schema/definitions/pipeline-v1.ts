import { STEP_KINDS, STEP_TYPES } from "../../kinds/steps/index.js";
import {
  DRAFT_2020_12,
  deprecated,
  looseBool,
  nonEmpty,
  SCHEMA_BASE,
  str,
  stringMap,
  strings,
} from "./common.js";
import { inputBinding, outputBinding } from "./pipeline-v1-bindings.js";

/** Every kind's own keys (a key two kinds share, like `script_name`, has one schema). */
const kindKeys: Record<string, unknown> = Object.assign({}, ...STEP_TYPES.map((t) => STEP_KINDS[t].v1Keys));

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
                  { enum: STEP_TYPES },
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
              inputs: { type: "object", additionalProperties: inputBinding },
              outputs: { type: "object", additionalProperties: outputBinding },
              side_inputs: { type: "object", additionalProperties: inputBinding },
              allow_reuse: looseBool,
              version: str,
              hash_paths: deprecated("deprecated by the Azure ML SDK", strings),
              compute_target: deprecated("ignored by the Azure ML loader: use compute", str),
              adla_compute_name: deprecated("ignored by the Azure ML loader: use compute", str),
              // Each kind's own keys, from its definition (kinds/steps/).
              ...kindKeys,
            },
            allOf: STEP_TYPES.map((type) => ({
              if: { properties: { type: { const: type } } },
              then: { required: [...STEP_KINDS[type].requiredV1Keys] },
            })),
          },
        },
      },
    },
  },
} as const;
