// The local backend's decisions, tested without processes: the ready-set scheduler, the reuse
// decision and each step kind's "can it run here" (the audit's mutations survived in these).

import { describe, expect, it } from "vitest";
import type { CacheParts } from "../src/local/cache-key.js";
import { LOCAL_STEP_KINDS } from "../src/local/local-step-kinds.js";
import { decideReuse } from "../src/local/reuse-decision.js";
import type { StepRecord } from "../src/local/run-record.js";
import { StepScheduler } from "../src/local/schedule-steps.js";

const parts: CacheParts = { definition: "d", code: "c", environment: "e", parameters: "p", inputs: "i" };

describe("StepScheduler", () => {
  const steps = () =>
    new Map([
      ["b", { needs: ["a"] }],
      ["c", { needs: [] }],
      ["d", { needs: [] }],
    ]);
  const pending = (): StepRecord["status"] | undefined => "pending";

  it("given free slots, starts the steps whose needs are done, in order, up to the slots", () => {
    const scheduler = new StepScheduler(steps(), pending);
    expect(scheduler.take(1, 2)).toEqual({ start: ["c"], skip: [] });
    expect(scheduler.take(1, 2)).toEqual({ start: ["d"], skip: [] });
  });

  it("given a need that ends, starts what waited on it, in the given order", () => {
    const scheduler = new StepScheduler(steps(), pending);
    expect(scheduler.take(0, 4).start).toEqual(["c", "d"]);
    scheduler.finished("a", "succeeded");
    expect(scheduler.take(0, 4).start).toEqual(["b"]);
    expect(scheduler.hasWaiting).toBe(false);
  });

  it("given a failed need, skips the step and names what did not succeed", () => {
    const statuses = new Map<string, StepRecord["status"]>();
    const scheduler = new StepScheduler(steps(), (k) => statuses.get(k) ?? "pending");
    scheduler.take(0, 4);
    statuses.set("a", "failed");
    scheduler.finished("a", "failed");
    expect(scheduler.take(0, 4).skip).toEqual([{ key: "b", because: ["a"] }]);
  });

  it("given a need failed before the run, the step is skipped at once; skips cascade", () => {
    const statuses = new Map<string, StepRecord["status"]>([["a", "failed"]]);
    const scheduler = new StepScheduler(
      new Map([
        ["b", { needs: ["a"] }],
        ["e", { needs: ["b"] }],
      ]),
      (k) => statuses.get(k) ?? "pending",
    );
    expect(scheduler.take(0, 4).skip).toEqual([{ key: "b", because: ["a"] }]);
    statuses.set("b", "skipped");
    scheduler.finished("b", "skipped");
    expect(scheduler.take(0, 4).skip).toEqual([{ key: "e", because: ["b"] }]);
  });

  it("given a reused or stubbed need, starts the step as after a success", () => {
    for (const done of ["reused", "stubbed", "succeeded"] as const) {
      const scheduler = new StepScheduler(new Map([["b", { needs: ["a"] }]]), pending);
      scheduler.finished("a", done);
      expect(scheduler.take(0, 1).start).toEqual(["b"]);
    }
  });

  it("given nothing running and nothing able to start, reports what waits as stuck", () => {
    const cycle = () =>
      new Map([
        ["x", { needs: ["y"] }],
        ["y", { needs: ["x"] }],
      ]);
    expect(new StepScheduler(cycle(), pending).stuck(1)).toEqual([]);
    const scheduler = new StepScheduler(cycle(), pending);
    expect(scheduler.take(0, 4)).toEqual({ start: [], skip: [] });
    expect(scheduler.stuck(0)).toEqual(["x", "y"]);
    expect(scheduler.hasWaiting).toBe(false);
  });

  it("given a 20,000-step chain, schedules it in linear work (each end touches only its dependents)", () => {
    const n = 20_000;
    const chain = new Map(Array.from({ length: n }, (_, i) => [`s${i}`, { needs: i ? [`s${i - 1}`] : [] }]));
    let lookups = 0;
    const scheduler = new StepScheduler(chain, () => {
      lookups++;
      return "pending";
    });
    let started = 0;
    while (scheduler.hasWaiting) {
      const [key] = scheduler.take(0, 1).start;
      if (!key) throw new Error("stalled");
      started++;
      scheduler.finished(key, "succeeded");
    }
    expect(started).toBe(n);
    expect(lookups).toBeLessThanOrEqual(2 * n);
  });
});

describe("decideReuse", () => {
  it("given a committed result and allow_reuse, reuses it", () => {
    expect(
      decideReuse({
        allowReuse: true,
        committed: { runId: "r1" },
        tampered: [],
        previous: () => parts,
        parts,
      }),
    ).toEqual({
      reuse: true,
      runId: "r1",
    });
  });

  it("given allow_reuse false, runs even though the result is there", () => {
    expect(
      decideReuse({
        allowReuse: false,
        committed: { runId: "r1" },
        tampered: [],
        previous: () => parts,
        parts,
      }),
    ).toEqual({
      reuse: false,
      reason: "allow_reuse is false",
    });
  });

  it("given outputs changed after the commit, runs and names them", () => {
    const decision = decideReuse({
      allowReuse: true,
      committed: { runId: "r1" },
      tampered: ["model"],
      previous: () => parts,
      parts,
    });
    expect(decision).toEqual({
      reuse: false,
      reason: "the committed result was changed after its run (model)",
    });
  });

  it("given no result for this key, says what changed since the step's last run", () => {
    const decision = decideReuse({
      allowReuse: true,
      tampered: [],
      previous: () => ({ ...parts, code: "old" }),
      parts,
    });
    expect(decision).toEqual({ reuse: false, reason: "code (source directory snapshot) changed" });
  });
});

describe("which step kinds run here", () => {
  const batch = (executable: string) =>
    LOCAL_STEP_KINDS.AzureBatchStep.cannotRunLocally({ executable } as Parameters<
      typeof LOCAL_STEP_KINDS.AzureBatchStep.cannotRunLocally
    >[0]);

  it("given a Windows executable on Azure Batch, refuses it; a shell script runs", () => {
    expect(batch("score.CMD")).toContain("Windows executable");
    expect(batch("tool.exe")).toContain("Windows executable");
    expect(batch("score.sh")).toBeUndefined();
  });

  it("given a U-SQL or a Databricks notebook step, refuses it with the reason", () => {
    expect(LOCAL_STEP_KINDS.AdlaStep.cannotRunLocally({} as never)).toContain("Data Lake Analytics");
    expect(LOCAL_STEP_KINDS.DatabricksStep.cannotRunLocally({ notebookPath: "/n" } as never)).toContain(
      "notebook",
    );
    expect(
      LOCAL_STEP_KINDS.DatabricksStep.cannotRunLocally({ pythonScriptName: "a.py" } as never),
    ).toBeUndefined();
  });
});
