import { diagnostic } from "../diagnostics/diagnostic.js";
import { withSchedule } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP406: schedule settings the service refuses. */
export const scheduleRule: Rule = {
  code: "AP406",
  examples: {
    fires: [
      {
        what: "a daily schedule with both time_of_day and hours",
        line: 40,
        mutate: (ir) => withSchedule(ir, { frequency: "Day", interval: 1, timeOfDay: "10:00", hours: [1] }),
      },
    ],
    passes: [
      {
        what: "a daily schedule with hours only",
        mutate: (ir) => withSchedule(ir, { frequency: "Day", interval: 1, hours: [1] }),
      },
    ],
  },
  check(ir) {
    return ir.schedules.flatMap((s) => {
      const problems: string[] = [];
      const r = s.recurrence;
      if (!r && s.datastoreName === undefined)
        problems.push("it has neither a recurrence nor a datastore to watch");
      if (r && s.datastoreName !== undefined)
        problems.push("it has both a recurrence and a datastore trigger");
      if (r) {
        if (r.timeOfDay !== undefined && (r.hours !== undefined || r.minutes !== undefined))
          problems.push("time_of_day cannot be combined with hours/minutes");
        if ((r.hours ?? []).some((h) => h < 0 || h > 23)) problems.push("hours must be 0 to 23");
        if ((r.minutes ?? []).some((m) => m < 0 || m > 59)) problems.push("minutes must be 0 to 59");
        if (r.interval < 1) problems.push("interval must be at least 1");
        if (r.startTime !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(r.startTime))
          problems.push(`start_time "${r.startTime}" must be YYYY-MM-DDThh:mm:ss`);
        if (r.weekDays !== undefined && r.frequency !== "Week")
          problems.push("week_days needs frequency Week");
      }
      if (
        s.datastoreName === undefined &&
        (s.pollingInterval !== undefined || s.pathOnDatastore !== undefined)
      )
        problems.push("polling_interval and path_on_datastore apply only to datastore-triggered schedules");
      return problems.map((p) => diagnostic("AP406", `schedule "${s.name}": ${p}`, { at: s.source }));
    });
  },
};
