import { definedEntries } from "../common/defined-entries.js";
import { camelCase } from "../compiled-directory/snake-case.js";
import type { ComputeIR } from "../ir/compute.js";
import type { DatastoreIR } from "../ir/datastore.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { ScheduleIR } from "../ir/schedule.js";
import type { SecretRefIR } from "../ir/secret.js";
import type { ParallelRunConfigIR } from "../ir/step.js";
import { secretFieldsOf } from "../kinds/computes/index.js";
import type { SchemaName } from "../schema/schema-registry.js";
import { validateDocument } from "../schema/validate-document.js";
import { environmentOf } from "./read-runconfig.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** Reports schema violations of a spec file as AP101 at the file's top node. */
function checkSchema(cursor: YamlCursor, schema: SchemaName): boolean {
  const violations = validateDocument(schema, cursor.node?.toJSON());
  for (const v of violations)
    cursor.typeError(`${cursor.file.path}: "${v.instancePath || "/"}" ${v.message}`);
  return violations.length === 0;
}

/** A secret reference from `{ env: NAME }` or `{ key_vault: { vault, secret } }`. */
function secretRef(value: unknown): SecretRefIR | undefined {
  const record = value as Record<string, unknown> | null;
  if (record && typeof record.env === "string") return { kind: "env", name: record.env };
  const vault = record?.key_vault as Record<string, unknown> | undefined;
  if (vault && typeof vault.vault === "string" && typeof vault.secret === "string") {
    return { kind: "keyvault", vault: vault.vault, secretName: vault.secret };
  }
  return undefined;
}

/** An attach spec (`computes/<name>.yaml`) as an IR compute. */
export function readComputeSpec(cursor: YamlCursor): ComputeIR | undefined {
  if (!checkSchema(cursor, "compute.schema.json")) return undefined;
  const spec = cursor.get("compute");
  const secrets = secretFieldsOf(spec.get("kind").string("kind") ?? "");
  const fields: Record<string, unknown> = {};
  for (const { key, value } of spec.entries("compute")) {
    const name = camelCase(key);
    const json = value.node?.toJSON();
    fields[name] = secrets.includes(name) ? secretRef(json) : json;
  }
  return { ...fields, source: spec.at } as unknown as ComputeIR;
}

/** A datastore spec (`datastores/<name>.yaml`) as an IR datastore. */
export function readDatastoreSpec(cursor: YamlCursor): DatastoreIR | undefined {
  if (!checkSchema(cursor, "datastore.schema.json")) return undefined;
  const spec = cursor.get("datastore");
  return { ...(spec.node?.toJSON() as object), source: spec.at } as DatastoreIR;
}

/** What a ParallelRunConfig file says: the config, and the compute, folder and environment it names. */
export interface ParallelRunConfigFacts {
  readonly config: Partial<ParallelRunConfigIR> & { readonly entryScript: string };
  readonly compute?: string;
  /** As written: relative to the folder the loader runs from (the compiled directory). */
  readonly sourceDirectory?: string;
  readonly environment?: EnvironmentIR;
}

/**
 * A ParallelRunConfig file in the shape `ParallelRunConfig.load_yaml` reads (`parallel_run_config:`
 * holding `entry_script`, `compute_target_name`, `environment`, ...).
 */
export function readParallelRunConfigSpec(cursor: YamlCursor): ParallelRunConfigFacts {
  if (!cursor.has("parallel_run_config"))
    cursor.typeError(
      `${cursor.file.path} has no top-level "parallel_run_config:", which ParallelRunConfig.load_yaml reads`,
      "write the keys under parallel_run_config: (entry_script, compute_target_name, environment, ...)",
    );
  const c = cursor.get("parallel_run_config");
  const text = (key: string) => c.get(key).string(key);
  const int = (key: string) => c.get(key).number(key, true);
  const outputAction = text("output_action");
  const config = definedEntries({
    entryScript: text("entry_script") ?? "",
    miniBatchSize: text("mini_batch_size"),
    errorThreshold: int("error_threshold"),
    outputAction: outputAction === "append_row" || outputAction === "summary_only" ? outputAction : undefined,
    nodeCount: int("node_count"),
    processCountPerNode: int("process_count_per_node"),
    runInvocationTimeout: int("run_invocation_timeout"),
  }) as Partial<ParallelRunConfigIR> & { entryScript: string };
  const environment = c.has("environment") ? environmentOf(c.get("environment")) : undefined;
  return definedEntries({
    config,
    compute: text("compute_target_name"),
    sourceDirectory: text("source_directory"),
    environment,
  }) as ParallelRunConfigFacts;
}

/** Schedule keys whose text `None` `Schedule.create` passes on unchecked (the service gets "None"). */
const NONE_PASSED_ON = new Set([
  "continue_on_step_failure",
  "polling_interval",
  "wait_timeout",
  "wait_for_provisioning",
]);

/**
 * Schema findings that rule AP406 reports at the key, with the SDK's own words: the schema's
 * constraint branches (which keys go with which frequency or trigger) and the recurrence values it
 * checks against the SDK (time zones, hours, minutes, time of day, week days).
 */
const CHECKED_BY_AP406 = [
  /\/allOf\//,
  /\/if$/,
  /^\/Schedule\/recurrence\/(time_zone|hours|minutes|time_of_day|week_days)(\/|$)/,
];

/** AP406 warnings for the text `None` where the loader passes it on as text, not as "unset". */
function warnOfNoneText(body: YamlCursor, written: Record<string, unknown>): void {
  for (const key of NONE_PASSED_ON) {
    if (written[key] !== "None") continue;
    const value = body.get(key);
    // A boolean field reads `bool("None")`: true. A number field gets text it cannot hold.
    const meaning =
      key === "continue_on_step_failure"
        ? "Azure ML receives it in a boolean field, where it reads as true (steps go on after a failure)"
        : key === "wait_for_provisioning"
          ? "the text is true to Python, so the CLI waits"
          : "it is passed on as text, not as a number, and not as unset";
    value.file.report(
      "AP406",
      "warning",
      `${key} is the text "None": ${meaning}`,
      value.at,
      key === "continue_on_step_failure" ? "write false, or remove the key" : "remove the key, or write ~",
    );
  }
}

/** A `Schedule:` document as an IR schedule called `name`. */
export function readScheduleSpec(name: string, cursor: YamlCursor): ScheduleIR | undefined {
  if (!cursor.has("Schedule")) {
    cursor.typeError(`${cursor.file.path} has no top-level "Schedule:" key`);
    return undefined;
  }
  const body = cursor.get("Schedule");
  const written = (body.node?.toJSON() ?? {}) as Record<string, unknown>;
  warnOfNoneText(body, written);
  // Null keys are unset. The text `None` (the reference page writes it) is not: it stays the string
  // "None" for the loader, so beside a recurrence `datastore_name: None` is refused, as load_yaml
  // refuses it. Only where it is passed on to the service unchecked is it warned above and left out.
  const json = Object.fromEntries(
    Object.entries(written).filter(
      ([key, value]) => value !== null && !(value === "None" && NONE_PASSED_ON.has(key)),
    ),
  );
  for (const v of validateDocument("schedule.schema.json", { Schedule: json })) {
    if (CHECKED_BY_AP406.some((pattern) => pattern.test(v.schemaPath) || pattern.test(v.instancePath)))
      continue;
    body.typeError(`${cursor.file.path}: "${v.instancePath || "/"}" ${v.message}`);
  }
  const r = json.recurrence as Record<string, unknown> | undefined;
  const defined = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
  return {
    name,
    source: body.at,
    ...defined({
      description: json.description,
      recurrence: r
        ? defined({
            frequency: r.frequency,
            interval: r.interval,
            startTime: r.start_time,
            timeZone: r.time_zone,
            hours: r.hours,
            minutes: r.minutes,
            timeOfDay: r.time_of_day,
            weekDays: r.week_days,
          })
        : undefined,
      waitForProvisioning: json.wait_for_provisioning,
      waitTimeout: json.wait_timeout,
      datastoreName: json.datastore_name,
      pollingInterval: json.polling_interval,
      dataPathParameterName: json.data_path_parameter_name,
      pathOnDatastore: json.path_on_datastore,
      continueOnStepFailure: json.continue_on_step_failure,
    }),
    pipelineParameters: (json.pipeline_parameters ?? {}) as ScheduleIR["pipelineParameters"],
  } as ScheduleIR;
}
