import type { StepRecord } from "./run-record.js";

/** What the scheduler decides when asked for work. */
export interface ScheduleDecision {
  /** Steps to start now, in their given order (at most the free slots). */
  readonly start: readonly string[];
  /** Steps that will never run, with the steps that did not succeed before them. */
  readonly skip: readonly { readonly key: string; readonly because: readonly string[] }[];
}

const DONE: ReadonlySet<StepRecord["status"] | undefined> = new Set(["succeeded", "reused", "stubbed"]);
const BROKEN: ReadonlySet<StepRecord["status"] | undefined> = new Set(["failed", "skipped"]);

interface Waiting {
  readonly needs: readonly string[];
  readonly order: number;
  /** Needs not done yet. */
  left: number;
}

/**
 * The ready-set scheduler: a waiting step starts when everything it needs is done, and is skipped as
 * soon as one of its needs failed or was skipped; when nothing runs and nothing can start, what waits
 * is stuck (a cycle, or a need that is no step). Incremental: each step's unfinished needs are
 * counted, and a step's end touches only the steps that need it, so a run of n steps does O(n + edges)
 * work in all (rescanning every waiting step at each end was quadratic).
 */
export class StepScheduler {
  private readonly waiting = new Map<string, Waiting>();
  private readonly dependents = new Map<string, string[]>();
  /** Ready steps, kept in their given order. */
  private readonly ready: string[] = [];
  /** Waiting steps one of whose needs failed or was skipped. */
  private readonly broken = new Set<string>();

  constructor(
    steps: ReadonlyMap<string, { readonly needs: readonly string[] }>,
    private readonly status: (key: string) => StepRecord["status"] | undefined,
  ) {
    let order = 0;
    for (const [key, { needs }] of steps) {
      const entry: Waiting = { needs, order: order++, left: 0 };
      let broken = false;
      for (const need of new Set(needs)) {
        const state = status(need);
        if (BROKEN.has(state)) broken = true;
        else if (!DONE.has(state)) {
          entry.left++;
          const dependents = this.dependents.get(need);
          if (dependents) dependents.push(key);
          else this.dependents.set(need, [key]);
        }
      }
      this.waiting.set(key, entry);
      if (broken) this.broken.add(key);
      else if (entry.left === 0) this.ready.push(key);
    }
  }

  /** Whether any step is still waiting (not started, not skipped). */
  get hasWaiting(): boolean {
    return this.waiting.size > 0;
  }

  /** Records that `key` ended with `status`; the steps that need it move on. */
  finished(key: string, status: StepRecord["status"] | undefined): void {
    for (const dependent of this.dependents.get(key) ?? []) {
      const entry = this.waiting.get(dependent);
      if (!entry) continue;
      if (BROKEN.has(status)) this.broken.add(dependent);
      else if (DONE.has(status) && --entry.left === 0 && !this.broken.has(dependent))
        this.insertReady(dependent, entry.order);
    }
  }

  /** The steps to skip (every broken one) and to start (up to the free slots). */
  take(running: number, slots: number): ScheduleDecision {
    const skip: { key: string; because: string[] }[] = [];
    const broken = [...this.broken].sort((a, b) => this.orderOf(a) - this.orderOf(b));
    this.broken.clear();
    for (const key of broken) {
      const entry = this.waiting.get(key);
      if (!entry) continue;
      skip.push({ key, because: entry.needs.filter((n) => BROKEN.has(this.status(n))) });
      this.waiting.delete(key);
    }
    const start: string[] = [];
    while (running + start.length < slots && this.ready.length > 0) {
      const key = this.ready.shift() as string;
      if (this.waiting.delete(key)) start.push(key);
    }
    return { start, skip };
  }

  /** When nothing runs: the steps that can never start (in their given order); they leave the queue. */
  stuck(running: number): string[] {
    if (running > 0 || this.ready.length > 0 || this.broken.size > 0) return [];
    const keys = [...this.waiting.keys()];
    this.waiting.clear();
    return keys;
  }

  private orderOf(key: string): number {
    return this.waiting.get(key)?.order ?? -1;
  }

  private insertReady(key: string, order: number): void {
    let low = 0;
    let high = this.ready.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.orderOf(this.ready[mid] as string) < order) low = mid + 1;
      else high = mid;
    }
    this.ready.splice(low, 0, key);
  }
}
