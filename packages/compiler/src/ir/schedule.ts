import type { Recurrence } from "@amlpipe/dsl";
import type { ParameterValueIR } from "./parameter.js";
import type { SourcePosition } from "./source-position.js";

/** A time-based recurrence (all of its keys are written when present: an SDK loader demand). */
export type RecurrenceIR = Recurrence;

/** A pipeline schedule (its own YAML document, top-level key `Schedule:`). */
export interface ScheduleIR {
  readonly name: string;
  readonly source: SourcePosition;
  readonly description?: string;
  readonly recurrence?: RecurrenceIR;
  readonly pipelineParameters: Readonly<Record<string, ParameterValueIR>>;
  readonly waitForProvisioning?: boolean;
  readonly waitTimeout?: number;
  /** Datastore-triggered schedules: the datastore polled for changes. */
  readonly datastoreName?: string;
  /** Minutes between polls. @default 5 */
  readonly pollingInterval?: number;
  readonly dataPathParameterName?: string;
  readonly pathOnDatastore?: string;
  readonly continueOnStepFailure?: boolean;
}
