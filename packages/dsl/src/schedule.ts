import type { ParamValueTypes } from "./param.js";
import { captureSourceLocation, type SourceLocation } from "./source-location.js";

/** A time-based recurrence. */
export interface Recurrence {
  readonly frequency: "Minute" | "Hour" | "Day" | "Week" | "Month";
  readonly interval: number;
  /** `YYYY-MM-DDThh:mm:ss` */
  readonly startTime?: string;
  readonly timeZone?: string;
  readonly hours?: readonly number[];
  readonly minutes?: readonly number[];
  /** `hh:mm`; not together with hours/minutes. */
  readonly timeOfDay?: string;
  readonly weekDays?: readonly string[];
}

/** Options every schedule has. */
export interface ScheduleOptions {
  readonly description?: string;
  readonly pipelineParameters?: Readonly<Record<string, ParamValueTypes[keyof ParamValueTypes]>>;
  readonly waitForProvisioning?: boolean;
  readonly waitTimeout?: number;
  readonly continueOnStepFailure?: boolean;
}

/** Options of a datastore-triggered schedule. */
export interface DatastoreTriggerOptions extends ScheduleOptions {
  readonly datastoreName: string;
  /** Minutes between polls. @default 5 */
  readonly pollingInterval?: number;
  readonly dataPathParameterName?: string;
  readonly pathOnDatastore?: string;
}

/** A pipeline schedule (compiled to its own `Schedule:` YAML document). */
export type Schedule = {
  readonly name: string;
  readonly location: SourceLocation;
} & ScheduleOptions &
  (
    | { readonly kind: "recurring"; readonly recurrence: Recurrence }
    | ({ readonly kind: "datastore" } & DatastoreTriggerOptions)
  );

/** Schedule constructors. */
export const schedule = {
  /** Runs the pipeline on a time-based recurrence. */
  recurring: (name: string, recurrence: Recurrence, options: ScheduleOptions = {}): Schedule => ({
    kind: "recurring",
    name,
    recurrence,
    ...options,
    location: captureSourceLocation(),
  }),
  /** Runs the pipeline when files change on a datastore (polled). */
  onDatastoreChange: (name: string, options: DatastoreTriggerOptions): Schedule => ({
    kind: "datastore",
    name,
    ...options,
    location: captureSourceLocation(),
  }),
};
