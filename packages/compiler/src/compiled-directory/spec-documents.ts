import type { ComputeIR } from "../ir/compute.js";
import type { DatastoreIR } from "../ir/datastore.js";
import type { ScheduleIR } from "../ir/schedule.js";
import type { SecretRefIR } from "../ir/secret.js";
import { secretFieldsOf } from "../kinds/computes/index.js";
import { snakeCase } from "./snake-case.js";

/** A secret reference as YAML: `{ env: NAME }` or `{ key_vault: { vault, secret } }`; never a value. */
export function secretDocument(ref: SecretRefIR): Record<string, unknown> {
  switch (ref.kind) {
    case "env":
      return { env: ref.name };
    case "keyvault":
      return { key_vault: { vault: ref.vault, secret: ref.secretName } };
    case "inline":
      return { inline_value_removed: { length: ref.length } };
  }
}

/** An attach spec (`computes/<name>.yaml`): kind and settings, secrets as references only. */
export function computeDocument(compute: ComputeIR): Record<string, unknown> {
  const { name, kind, source: _, ...settings } = compute;
  const secrets = secretFieldsOf(kind);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    fields[snakeCase(key)] = secrets.includes(key) ? secretDocument(value as SecretRefIR) : value;
  }
  return { compute: { name, kind, ...fields } };
}

/** A datastore spec (`datastores/<name>.yaml`). */
export function datastoreDocument(datastore: DatastoreIR): Record<string, unknown> {
  const { name, kind, source: _, ...rest } = datastore;
  return { datastore: { name, kind, ...rest } };
}

/** A schedule document (`schedules/<name>.yaml`, top-level key `Schedule:`). */
export function scheduleDocument(schedule: ScheduleIR): Record<string, unknown> {
  const r = schedule.recurrence;
  const body: Record<string, unknown> = {
    description: schedule.description ?? schedule.name,
    ...(r
      ? {
          // The SDK loader demands all eight recurrence keys when `recurrence` is present.
          recurrence: {
            frequency: r.frequency,
            interval: r.interval,
            start_time: r.startTime ?? null,
            time_zone: r.timeZone ?? null,
            hours: r.hours ? [...r.hours] : null,
            minutes: r.minutes ? [...r.minutes] : null,
            time_of_day: r.timeOfDay ?? null,
            week_days: r.weekDays ? [...r.weekDays] : null,
          },
        }
      : {}),
    pipeline_parameters: { ...schedule.pipelineParameters },
  };
  const optional: [string, unknown][] = [
    ["wait_for_provisioning", schedule.waitForProvisioning],
    // `az ml pipeline create-schedule` passes every key as read, so an absent wait_timeout is None
    // (a TypeError while it waits) and an absent polling_interval is None, not the SDK's 5: the
    // defaults are written out.
    ["wait_timeout", schedule.waitTimeout ?? (schedule.waitForProvisioning ? 3600 : undefined)],
    ["datastore_name", schedule.datastoreName],
    ["polling_interval", schedule.pollingInterval ?? (schedule.datastoreName !== undefined ? 5 : undefined)],
    ["data_path_parameter_name", schedule.dataPathParameterName],
    ["path_on_datastore", schedule.pathOnDatastore],
    ["continue_on_step_failure", schedule.continueOnStepFailure],
  ];
  for (const [key, value] of optional) if (value !== undefined) body[key] = value;
  return { Schedule: body };
}
