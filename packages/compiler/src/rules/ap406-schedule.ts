import { diagnostic } from "../diagnostics/diagnostic.js";
import { withSchedule } from "./example-pipeline.js";
import type { Rule } from "./rule.js";
import { SDK_TIME_ZONES } from "./sdk-time-zones.js";

/** AP406: schedule settings the service refuses. */
export const scheduleRule: Rule = {
  code: "AP406",
  examples: {
    fires: [
      {
        what: "a daily schedule in an IANA time zone",
        line: 40,
        mutate: (ir) =>
          withSchedule(ir, { frequency: "Day", interval: 1, hours: [2], timeZone: "Europe/Berlin" }),
      },
      {
        what: "an hourly schedule with minutes (the SDK allows them with Day or Week only)",
        line: 40,
        mutate: (ir) => withSchedule(ir, { frequency: "Hour", interval: 1, minutes: [15] }),
      },
      {
        what: "a daily schedule with both time_of_day and hours",
        line: 40,
        mutate: (ir) => withSchedule(ir, { frequency: "Day", interval: 1, timeOfDay: "10:00", hours: [1] }),
      },
    ],
    passes: [
      {
        what: "a weekly schedule at a time of day",
        mutate: (ir) =>
          withSchedule(ir, { frequency: "Week", interval: 1, weekDays: ["Monday"], timeOfDay: "7:30" }),
      },
      {
        what: "a daily schedule with hours only",
        mutate: (ir) => withSchedule(ir, { frequency: "Day", interval: 1, hours: [1] }),
      },
    ],
  },
  check(ir) {
    return ir.schedules.flatMap((s) => {
      const problems: string[] = [];
      // What Schedule.load_yaml and Schedule.create accept but do not use: warnings.
      const unused: string[] = [];
      const r = s.recurrence;
      if (!r && s.datastoreName === undefined)
        unused.push(
          "it has neither a recurrence nor a datastore to watch: Azure ML makes it a datastore schedule with no datastore",
        );
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
        // The SDK's recurrence.validate(): hours and minutes (time_of_day sets both) need Day or Week.
        if (
          (r.hours !== undefined || r.minutes !== undefined || r.timeOfDay !== undefined) &&
          r.frequency !== "Day" &&
          r.frequency !== "Week"
        )
          problems.push(`hours, minutes and time_of_day need frequency Day or Week, not ${r.frequency}`);
        if (r.timeZone !== undefined && !SDK_TIME_ZONES.has(r.timeZone))
          problems.push(
            `time_zone "${r.timeZone}" is not one of the SDK's time zones: use a Windows name such as "UTC" or "W. Europe Standard Time", not an IANA one`,
          );
        const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        const bad = (r.weekDays ?? []).filter((d) => !days.includes(d));
        if (bad.length > 0) problems.push(`week_days ${JSON.stringify(bad)}: use Monday ... Sunday`);
        if (r.timeOfDay !== undefined && !/^[0-9]{1,2}:[0-9]{2}$/.test(r.timeOfDay))
          problems.push(`time_of_day "${r.timeOfDay}" must be hh:mm`);
      }
      // The SDK refuses these beside a recurrence; without one it ignores them.
      for (const [value, key] of [
        [s.pathOnDatastore, "path_on_datastore"],
        [s.dataPathParameterName, "data_path_parameter_name"],
      ] as const)
        if (value !== undefined && s.datastoreName === undefined)
          (r ? problems : unused).push(`${key} applies only to datastore-triggered schedules`);
      // Schedule.create checks the watched datastore's type: only Azure Blob can trigger a run.
      const watched = ir.datastores.find((d) => d.name === s.datastoreName);
      if (watched && watched.kind !== "azure_blob" && watched.kind !== "unknown")
        problems.push(
          `datastore_name "${watched.name}" is a ${watched.kind} datastore: only an Azure Blob datastore can trigger a schedule`,
        );
      if (s.pollingInterval !== undefined && s.datastoreName === undefined)
        unused.push("polling_interval applies only to datastore-triggered schedules (ignored here)");
      return [
        ...problems.map((p) => diagnostic("AP406", `schedule "${s.name}": ${p}`, { at: s.source })),
        ...unused.map((p) =>
          diagnostic("AP406", `schedule "${s.name}": ${p}`, { at: s.source, severity: "warning" }),
        ),
      ];
    });
  },
};
