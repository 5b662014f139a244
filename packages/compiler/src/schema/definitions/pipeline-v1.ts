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

/** The keys every step kind has (the v1 loader reads them for each kind). */
const STEP_COMMON_KEYS = {
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
} as const;

/** The `type` values that name a kind: its own, and the reference page's misspelling of one. */
const typeNames = (type: (typeof STEP_TYPES)[number]): string[] =>
  type === "DatabricksStep" ? [type, "DatabricsStep"] : [type];

/**
 * Each kind's branch: `if` a step names the kind, `then` its own keys (required and allowed) and
 * the names it may hold, the common keys and its own. Kind keys live only in their branch, so an
 * editor (yaml-language-server follows if/then) completes a step with its kind's keys, not all
 * 40-odd, and flags another kind's key, which the loader would drop, at its line. Not
 * `unevaluatedProperties`: ajv's standalone code lets the keys one step evaluated leak into the
 * next step's check, so an error would go unreported.
 */
const perKind = STEP_TYPES.map((type) => ({
  if: { required: ["type"], properties: { type: { enum: typeNames(type) } } },
  then: {
    required: [...STEP_KINDS[type].requiredV1Keys],
    properties: STEP_KINDS[type].v1Keys,
    propertyNames: { enum: [...Object.keys(STEP_COMMON_KEYS), ...Object.keys(STEP_KINDS[type].v1Keys)] },
  },
}));

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
            // No additionalProperties: each kind's branch below says which names it takes.
            properties: STEP_COMMON_KEYS,
            allOf: perKind,
          },
        },
      },
    },
  },
} as const;
