import { COMPUTE_KINDS } from "../../kinds/computes/index.js";
import {
  bool,
  DRAFT_2020_12,
  deprecated,
  described,
  int,
  nonEmpty,
  SCHEMA_BASE,
  str,
  stringMap,
  strings,
} from "./common.js";

/** Every compute kind's spec keys (a key several kinds share, like `resource_id`, has one schema). */
const computeSpecKeys: Record<string, unknown> = Object.assign(
  {},
  ...Object.values(COMPUTE_KINDS).map((kind) => kind.specKeys),
);

/** The schema of `computes/<name>.yaml` (an attach spec; secrets only as references). */
export const computeSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}compute.schema.json`,
  title: "amlpipe compute attach spec",
  type: "object",
  required: ["compute"],
  additionalProperties: false,
  properties: {
    compute: {
      type: "object",
      required: ["name", "kind"],
      additionalProperties: false,
      properties: {
        name: nonEmpty,
        kind: { enum: Object.keys(COMPUTE_KINDS) },
        description: str,
        // Each kind's own keys, from its definition (kinds/computes/).
        ...computeSpecKeys,
      },
      allOf: Object.values(COMPUTE_KINDS)
        .filter((kind) => kind.requiredSpecKeys.length > 0)
        .map((kind) => ({
          if: { properties: { kind: { const: kind.kind } } },
          then: { required: [...kind.requiredSpecKeys] },
        })),
    },
  },
} as const;

/** The schema of `datastores/<name>.yaml`. */
export const datastoreSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}datastore.schema.json`,
  title: "amlpipe datastore spec",
  type: "object",
  required: ["datastore"],
  additionalProperties: false,
  properties: {
    datastore: {
      type: "object",
      required: ["name", "kind"],
      additionalProperties: false,
      properties: {
        name: nonEmpty,
        kind: {
          enum: [
            "azure_blob",
            "azure_file",
            "adls_gen1",
            "adls_gen2",
            "azure_sql",
            "postgresql",
            "mysql",
            "dbfs",
          ],
        },
        account: str,
        container: str,
        database: str,
      },
    },
  },
} as const;

/** The schema of `runconfigs/*.yml` (the subset of the v1 RunConfiguration amlpipe writes). */
export const runconfigSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}runconfig.schema.json`,
  title: "Azure ML v1 RunConfiguration (as written by amlpipe)",
  type: "object",
  required: ["framework", "environment"],
  additionalProperties: false,
  properties: {
    script: { ...nonEmpty, description: "A training run's script, relative to its source directory." },
    arguments: {
      type: "array",
      items: { type: "string" },
      description: "A training run's command-line arguments (text: the SDK passes them on the command line).",
    },
    framework: { enum: ["Python", "PySpark"] },
    target: nonEmpty,
    environment: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: nonEmpty,
        python: {
          type: "object",
          required: ["userManagedDependencies"],
          additionalProperties: false,
          properties: {
            userManagedDependencies: bool,
            interpreterPath: str,
            condaDependencies: {
              type: "object",
              required: ["dependencies"],
              additionalProperties: false,
              properties: {
                name: str,
                channels: strings,
                dependencies: {
                  type: "array",
                  items: {
                    anyOf: [
                      { type: "string" },
                      {
                        type: "object",
                        required: ["pip"],
                        additionalProperties: false,
                        properties: { pip: strings },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
        docker: {
          type: "object",
          required: ["enabled"],
          additionalProperties: false,
          properties: {
            enabled: bool,
            baseImage: str,
            gpuSupport: deprecated("not a DockerSection field of the SDK v1, which ignores it", bool),
          },
        },
        environmentVariables: stringMap,
        databricks: {
          type: "object",
          additionalProperties: false,
          properties: {
            jarLibraries: {
              type: "array",
              items: {
                type: "object",
                required: ["library"],
                additionalProperties: false,
                properties: { library: nonEmpty },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** The schema of `parallel_run_configs/<step>.yml`. */
export const parallelRunConfigSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}parallel-run-config.schema.json`,
  title: "Azure ML ParallelRunConfig (the shape ParallelRunConfig.load_yaml reads)",
  type: "object",
  required: ["parallel_run_config"],
  additionalProperties: false,
  properties: {
    parallel_run_config: {
      type: "object",
      required: [
        "entry_script",
        "compute_target_name",
        "environment",
        "output_action",
        "error_threshold",
        "node_count",
      ],
      additionalProperties: false,
      properties: {
        entry_script: nonEmpty,
        source_directory: str,
        compute_target_name: nonEmpty,
        environment: runconfigSchema.properties.environment,
        mini_batch_size: str,
        error_threshold: int,
        output_action: { enum: ["append_row", "summary_only"] },
        node_count: int,
        process_count_per_node: int,
        run_invocation_timeout: int,
      },
    },
  },
} as const;

const intsOrNull = { type: ["array", "null"], items: { type: "integer" } } as const;

/**
 * A schedule key that may be unset: absent, `null`/`~`, or Python's `None`, which the reference page's
 * examples write (amlpipe writes only the keys that are set).
 */
const orUnset = (schema: object) => ({ anyOf: [schema, { type: "null" }, { const: "None" }] }) as const;

/** The schema of `schedules/<name>.yaml` (the v1 `Schedule:` document). */
export const scheduleSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}schedule.schema.json`,
  title: "Azure ML v1 pipeline schedule",
  type: "object",
  required: ["Schedule"],
  additionalProperties: false,
  properties: {
    Schedule: {
      type: "object",
      description: "when the pipeline runs: on a recurrence, or when a datastore path changes",
      additionalProperties: false,
      properties: {
        description: described("what Azure ML shows for the schedule", str),
        recurrence: {
          type: ["object", "null"],
          description: "a time-based schedule (null or absent for one that watches a datastore)",
          required: [
            "frequency",
            "interval",
            "start_time",
            "time_zone",
            "hours",
            "minutes",
            "time_of_day",
            "week_days",
          ],
          additionalProperties: false,
          properties: {
            frequency: described("the unit of the recurrence", {
              enum: ["Minute", "Hour", "Day", "Week", "Month"],
            }),
            interval: described("run every this many frequency units", { type: "integer", minimum: 1 }),
            start_time: described("when the schedule starts (ISO 8601; now when null)", {
              type: ["string", "null"],
            }),
            time_zone: described("a Windows time zone name for start_time and hours (UTC when null)", {
              type: ["string", "null"],
            }),
            hours: described("the hours of the day it runs at (Day and Week frequencies)", intsOrNull),
            minutes: described("the minutes of the hour it runs at (Day and Week frequencies)", intsOrNull),
            time_of_day: described("the time of day it runs at, hh:mm (instead of hours and minutes)", {
              type: ["string", "null"],
            }),
            week_days: described("the days it runs on (Week frequency): Monday ... Sunday", {
              type: ["array", "null"],
              items: { type: "string" },
            }),
          },
        },
        pipeline_parameters: described("pipeline parameter values each scheduled run gets, by name", {
          type: "object",
        }),
        wait_for_provisioning: described(
          "wait until the schedule is provisioned when it is created",
          orUnset(bool),
        ),
        wait_timeout: described("how long to wait for provisioning, in seconds", orUnset(int)),
        datastore_name: described(
          "the datastore to watch (a blob datastore); a run starts when it changes",
          orUnset(nonEmpty),
        ),
        polling_interval: described(
          "how often the datastore is checked, in minutes (default 5)",
          orUnset(int),
        ),
        data_path_parameter_name: described(
          "the datapath pipeline parameter set to the changed path",
          orUnset(str),
        ),
        path_on_datastore: described(
          "the folder on the datastore to watch (the whole container when unset)",
          orUnset(str),
        ),
        continue_on_step_failure: described("let other steps go on when one fails", orUnset(bool)),
      },
    },
  },
} as const;

const position = {
  type: "object",
  required: ["file", "line", "col"],
  additionalProperties: false,
  properties: { file: str, line: int, col: int },
} as const;

/** The schema of `manifest.json`. */
export const manifestSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}manifest.schema.json`,
  title: "amlpipe compiled-directory manifest",
  type: "object",
  required: ["tool", "target", "irVersion", "pipeline", "files", "schedules", "steps", "source"],
  additionalProperties: false,
  properties: {
    tool: {
      type: "object",
      required: ["name", "version"],
      additionalProperties: false,
      properties: { name: { const: "amlpipe" }, version: nonEmpty },
    },
    target: { enum: ["v1", "v2"] },
    irVersion: int,
    pipeline: nonEmpty,
    files: { type: "object", additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" } },
    schedules: strings,
    steps: { type: "object", additionalProperties: position },
    source: position,
    trainingRun: {
      type: "object",
      required: ["experiment", "runconfig", "sourceDirectory"],
      additionalProperties: false,
      properties: { experiment: nonEmpty, runconfig: nonEmpty, sourceDirectory: nonEmpty },
    },
  },
} as const;
