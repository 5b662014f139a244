import type { Schedule } from "@amlpipe/dsl";
import type { ScheduleIR } from "../ir/schedule.js";
import type { LowerContext } from "./lower-context.js";

/** A DSL schedule as an IR schedule. */
export function lowerSchedule(schedule: Schedule, context: LowerContext): ScheduleIR {
  const { kind: _, name, location, pipelineParameters, ...rest } = schedule;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return {
    name,
    source: context.position(location),
    pipelineParameters: pipelineParameters ?? {},
    ...fields,
  } as ScheduleIR;
}
