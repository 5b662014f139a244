import { SDK_TIME_ZONES } from "../../rules/sdk-time-zones.js";
import { bool, DRAFT_2020_12, deprecated, described, int, nonEmpty, SCHEMA_BASE, str } from "./common.js";

/** Whole numbers from `minimum` to `maximum`, or null. */
const intsOrNull = (minimum: number, maximum: number) =>
  ({ type: ["array", "null"], items: { type: "integer", minimum, maximum } }) as const;

/**
 * A schedule key that may be unset: absent or `null`/`~` (amlpipe writes only the keys that are set).
 * The text `None` is not unset to the loader: it is the string "None".
 */
const orUnset = (schema: object) => ({ anyOf: [schema, { type: "null" }] }) as const;

const isNull = { type: "null" } as const;
/** `then` when `key` is set to a value matching `schema`. */
const whenSet = (key: string, schema: object, then: object) => ({
  if: { required: [key], properties: { [key]: schema } },
  then,
});

/**
 * What `ScheduleRecurrence.validate` (run by `Schedule.create`) and `load_yaml` refuse: hours and
 * minutes (or a time of day) beside any frequency but Day and Week, week days beside any but Week,
 * and a time of day together with hours or minutes.
 */
const recurrenceConstraints = [
  whenSet(
    "time_of_day",
    { type: "string" },
    {
      properties: {
        hours: described("null when time_of_day is set", isNull),
        minutes: described("null when time_of_day is set", isNull),
      },
    },
  ),
  whenSet(
    "frequency",
    { enum: ["Minute", "Hour", "Month"] },
    {
      properties: {
        hours: described("null unless the frequency is Day or Week", isNull),
        minutes: described("null unless the frequency is Day or Week", isNull),
        time_of_day: described("null unless the frequency is Day or Week", isNull),
      },
    },
  ),
  whenSet(
    "frequency",
    { not: { const: "Week" } },
    { properties: { week_days: described("null unless the frequency is Week", isNull) } },
  ),
];

/** A recurrence leaves the datastore trigger's keys unset (the SDK refuses both kinds at once). */
const recurrenceExcludesDatastore = whenSet(
  "recurrence",
  { type: "object" },
  {
    properties: Object.fromEntries(
      ["datastore_name", "data_path_parameter_name", "path_on_datastore"].map((key) => [
        key,
        described("null on a recurring schedule (it is for one that watches a datastore)", isNull),
      ]),
    ),
  },
);

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
            time_zone: described(
              "a Windows time zone name of the SDK's TimeZone enum, for start_time and hours (UTC when null)",
              { anyOf: [{ enum: [...SDK_TIME_ZONES].sort() }, isNull] },
            ),
            hours: described("the hours of the day it runs at (Day and Week frequencies)", intsOrNull(0, 23)),
            minutes: described(
              "the minutes of the hour it runs at (Day and Week frequencies)",
              intsOrNull(0, 59),
            ),
            time_of_day: described("the time of day it runs at, hh:mm (instead of hours and minutes)", {
              anyOf: [{ type: "string", pattern: "^[0-9]{1,2}:[0-9]{2}$" }, isNull],
            }),
            week_days: described("the days it runs on (Week frequency): Monday ... Sunday", {
              type: ["array", "null"],
              items: { enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] },
            }),
          },
          allOf: recurrenceConstraints,
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
        continue_on_step_failure: described("let other steps go on when one fails", {
          anyOf: [
            bool,
            isNull,
            deprecated(
              "the loader passes the text None to a boolean field, where it reads as true: write false, or leave the key out",
              { const: "None" },
            ),
          ],
        }),
      },
      allOf: [recurrenceExcludesDatastore],
    },
  },
} as const;
