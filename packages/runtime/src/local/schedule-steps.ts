import type { StepRecord } from "./run-record.js";

/** What the scheduler decides when it looks at the waiting steps. */
export interface ScheduleDecision {
  /** Steps to start now, in order (at most the free slots). */
  readonly start: readonly string[];
  /** Steps that will never run, with the steps that did not succeed before them. */
  readonly skip: readonly { readonly key: string; readonly because: readonly string[] }[];
  /** When nothing runs and nothing can start: the steps left waiting (a cycle, or an unknown step). */
  readonly stuck: readonly string[];
}

const DONE: ReadonlySet<StepRecord["status"] | undefined> = new Set(["succeeded", "reused", "stubbed"]);
const BROKEN: ReadonlySet<StepRecord["status"] | undefined> = new Set(["failed", "skipped"]);

/**
 * The ready-set scheduler, pure: a waiting step starts when everything it needs is done, up to `slots`
 * steps; it is skipped as soon as one of its needs failed or was skipped; when nothing runs and
 * nothing can start, what waits is stuck. Waiting steps are looked at in their given order.
 */
export function scheduleSteps(
  waiting: ReadonlyMap<string, { readonly needs: readonly string[] }>,
  status: (key: string) => StepRecord["status"] | undefined,
  running: number,
  slots: number,
): ScheduleDecision {
  const start: string[] = [];
  const skip: { key: string; because: string[] }[] = [];
  for (const [key, { needs }] of waiting) {
    const broken = needs.filter((need) => BROKEN.has(status(need)));
    if (broken.length > 0) skip.push({ key, because: broken });
    else if (running + start.length < slots && needs.every((need) => DONE.has(status(need)))) start.push(key);
  }
  const stuck = running === 0 && start.length === 0 && skip.length === 0 ? [...waiting.keys()] : [];
  return { start, skip, stuck };
}
