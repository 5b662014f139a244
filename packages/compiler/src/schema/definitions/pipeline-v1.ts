import { STEP_KINDS, STEP_TYPES } from "../../kinds/steps/index.js";
import { bool, DRAFT_2020_12, deprecated, described, nonEmpty, SCHEMA_BASE, str, strings } from "./common.js";
import { inputBinding, outputBinding } from "./pipeline-v1-bindings.js";

/** The keys every step kind has (the v1 loader reads them for each kind). */
const STEP_COMMON_KEYS = {
  type: described("the step's kind, which decides the keys it takes", {
    anyOf: [
      { enum: STEP_TYPES },
      deprecated("misspelling of DatabricksStep on the reference page", {
        const: "DatabricsStep",
      }),
    ],
  }),
  name: described("the step's display name (the key is used when absent)", nonEmpty),
  compute: described("the attached compute target the step runs on (default_compute when absent)", nonEmpty),
  source_directory: described("the folder uploaded as the step's snapshot, relative to this file", str),
  runconfig: described("the RunConfiguration file (environment, framework), relative to this file", str),
  arguments: described(
    "the script's command line, text only (the loader fails on a number): input:NAME, output:NAME and parameter:NAME tokens become paths and values",
    strings,
  ),
  parameters: described("the step's parameters: a value, or {source: NAME} for a pipeline parameter", {
    type: "object",
    additionalProperties: {
      anyOf: [
        { type: ["string", "number", "boolean"] },
        {
          type: "object",
          required: ["source"],
          additionalProperties: false,
          properties: { source: described("the pipeline parameter whose value the step gets", nonEmpty) },
        },
      ],
    },
  }),
  inputs: described("the data the step reads, by input name", {
    type: "object",
    additionalProperties: inputBinding,
  }),
  outputs: described("the data the step writes, by output name", {
    type: "object",
    additionalProperties: outputBinding,
  }),
  side_inputs: described("reference data every mini-batch of a ParallelRunStep reads whole", {
    type: "object",
    additionalProperties: inputBinding,
  }),
  allow_reuse: described("reuse an earlier run's result when nothing changed (default true)", bool),
  version: described("a version string of the step, part of what decides reuse", str),
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
    ...STEP_KINDS[type].v1Constraints,
  },
}));

/** What the SDK v1 loader makes of a data reference: a path, a SQL source or a registered dataset. */
const DATA_REFERENCE_FORMS = [
  ["datastore", "path_on_datastore"],
  ["datastore", "sql_table"],
  ["datastore", "sql_query"],
  ["datastore", "sql_stored_procedure"],
  ["datastore", "sql_stored_procedure_params"],
  ["dataset_name"],
  ["dataset_id"],
].map((required) => ({ required }));

/** A stored procedure's parameter, as `_get_data_references` reads it: `value` is required. */
const storedProcedureParameter = {
  type: "object",
  required: ["value"],
  additionalProperties: false,
  properties: {
    value: described("the parameter's value", { type: ["string", "number", "boolean"] }),
    type: described("the parameter's SQL type (String when absent)", {
      enum: ["String", "Int", "Decimal", "Guid", "Boolean", "Date"],
    }),
  },
} as const;

/** The step types the loader refuses without a compute (see `v1NeedsCompute`). */
const NEEDS_COMPUTE = STEP_TYPES.filter((type) => STEP_KINDS[type].v1NeedsCompute).flatMap(typeNames);

/** Without default_compute, each step of those types names its compute. */
const computeWithoutDefault = {
  if: { not: { required: ["default_compute"] } },
  then: {
    properties: {
      steps: {
        type: "object",
        description: "without default_compute, each step of these types names its compute",
        additionalProperties: {
          type: "object",
          if: { required: ["type"], properties: { type: { enum: NEEDS_COMPUTE } } },
          then: { required: ["compute"] },
        },
      },
    },
  },
} as const;

const dataReference = {
  type: "object",
  additionalProperties: false,
  // "Unrecognized data reference type" for anything else; an empty dataset name is refused too.
  anyOf: DATA_REFERENCE_FORMS,
  properties: {
    datastore: described("the workspace datastore holding the data", nonEmpty),
    path_on_datastore: described("the file or folder on that datastore", str),
    bind_mode: deprecated(
      "ignored by the Azure ML loader here: set bind_mode on each input that reads the reference",
      { enum: ["mount", "download", "upload"] },
    ),
    sql_table: described("a table of a SQL datastore", str),
    sql_query: described("a query on a SQL datastore", str),
    sql_stored_procedure: described("a stored procedure of a SQL datastore", str),
    sql_stored_procedure_params: described("the stored procedure's parameters, by name", {
      type: "object",
      additionalProperties: storedProcedureParameter,
    }),
    dataset_name: described("a registered dataset, by name (its latest version)", nonEmpty),
    dataset_id: described("a registered dataset, by id", nonEmpty),
  },
} as const;

/** Text Python's int() reads: digits with an optional sign, underscores between digits, spaces around. */
const INT_TEXT = "^\\s*[-+]?[0-9]+(_[0-9]+)*\\s*$";
/** Text Python's float() reads: a decimal or exponent form, inf or nan (any case). */
const FLOAT_TEXT =
  "^\\s*[-+]?(([0-9][0-9_]*)?\\.?[0-9][0-9_]*([eE][-+]?[0-9]+)?|[0-9]+\\.|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])\\s*$";

/** A parameter's default as the loader converts it by type: int(), float(), bool() or str(). */
const defaultByType = (type: string, schema: object) => ({
  if: { required: ["type"], properties: { type: { const: type } } },
  then: {
    properties: { default: described(`a default the loader's conversion to ${type} reads as meant`, schema) },
  },
});

/**
 * A pipeline parameter. The loader converts its default with int(), float(), bool() or str(), so
 * each type takes what that conversion reads as meant: a quoted "false" is refused for a bool,
 * because bool("false") is true; 2.5 for an int, because int(2.5) is 2.
 */
const pipelineParameter = {
  type: "object",
  required: ["type"],
  additionalProperties: false,
  properties: {
    type: described("the parameter's type (datapath: a datastore path)", {
      enum: ["string", "int", "float", "bool", "datapath"],
    }),
    default: {
      description: "the value used when a submit gives none",
      anyOf: [
        { type: ["string", "number", "boolean"] },
        {
          type: "object",
          required: ["datastore", "path_on_datastore"],
          additionalProperties: false,
          properties: {
            datastore: described("the datastore of the default path", nonEmpty),
            path_on_datastore: described("the default path on it", str),
          },
        },
      ],
    },
  },
  allOf: [
    defaultByType("string", { type: ["string", "number", "boolean"] }),
    defaultByType("int", { anyOf: [{ type: "integer" }, { type: "string", pattern: INT_TEXT }] }),
    defaultByType("float", { anyOf: [{ type: "number" }, { type: "string", pattern: FLOAT_TEXT }] }),
    defaultByType("bool", bool),
    defaultByType("datapath", { type: "object" }),
  ],
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
      description: "one pipeline: its parameters, data references and steps",
      additionalProperties: false,
      properties: {
        name: described(
          "the pipeline's name (the Azure ML loader reads it as a deprecated description)",
          nonEmpty,
        ),
        description: described("what Azure ML shows as the pipeline's description", str),
        parameters: {
          type: "object",
          description: "pipeline parameters, by name: values a submit or a schedule may override",
          additionalProperties: pipelineParameter,
        },
        data_references: described("data the pipeline reads from datastores, by the name steps use", {
          type: "object",
          additionalProperties: dataReference,
        }),
        data_reference: deprecated(
          "the key is data_references (plural); the Azure ML loader ignores this one",
          {
            type: "object",
            additionalProperties: dataReference,
          },
        ),
        default_compute: described("the compute target of steps that name none", nonEmpty),
        steps: {
          type: "object",
          description: "the pipeline's steps, by key; their order comes from the data they pass",
          additionalProperties: {
            type: "object",
            required: ["type"],
            // No additionalProperties: each kind's branch below says which names it takes.
            properties: STEP_COMMON_KEYS,
            allOf: perKind,
          },
        },
      },
      allOf: [computeWithoutDefault],
    },
  },
} as const;
