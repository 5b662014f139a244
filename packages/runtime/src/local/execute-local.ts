import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { type EnvironmentIR, type PipelineIR, secretEnvNames, stepOutputs } from "@amlpipe/compiler";
import { hashTree } from "../snapshot/hash-tree.js";
import {
  materializeSnapshot,
  type Snapshot,
  storeSnapshot,
  takeSnapshot,
} from "../snapshot/take-snapshot.js";
import { type CacheParts, cacheKey, cacheParts } from "./cache-key.js";
import { changedOutputs, commitResult, type DoneMarker } from "./commit-result.js";
import type { LocalLayout } from "./local-layout.js";
import type { PlannedStep } from "./local-plan.js";
import { PARALLEL_DRIVER_PY } from "./parallel-driver.js";
import { decideReuse } from "./reuse-decision.js";
import { type RunRecord, readJson, type StepRecord, writeJsonAtomic } from "./run-record.js";
import { runStepAction } from "./run-step-process.js";
import { StepScheduler } from "./schedule-steps.js";
import { stepAction } from "./step-command.js";

/** Something that happened during a local run, for progress output. */
export type LocalRunEvent =
  | { readonly type: "start"; readonly step: string }
  | { readonly type: "note"; readonly step: string; readonly text: string }
  | { readonly type: "end"; readonly record: StepRecord };

/** Options of {@link executeLocalRun}. */
export interface ExecuteOptions {
  readonly layout: LocalLayout;
  readonly root: string;
  readonly compiledDir: string;
  /** Steps run at the same time at most. @default the number of cores */
  readonly jobs?: number;
  readonly onEvent?: (event: LocalRunEvent) => void;
  /** Stops the run: no step starts after it aborts, running ones finish, the rest are canceled. */
  readonly signal?: AbortSignal;
  /** Kills the steps still running (a second Ctrl-C); they are recorded as canceled. */
  readonly kill?: AbortSignal;
  /** Run every step even when its result could be reused (`amlpipe run --force`). */
  readonly force?: boolean;
}

/**
 * The folder a training run's script writes what it keeps (Azure ML uploads it with the run); the
 * local backend keeps it as the run's one output, so a reused run gives it back.
 */
const TRAINING_OUTPUTS = "outputs";

/** The outputs a step's result holds: its declared ones, and `outputs/` for a training run. */
function resultOutputNames(ir: PipelineIR, step: PlannedStep["step"]): string[] {
  return [...stepOutputs(step).map((o) => o.name), ...(ir.trainingRun ? [TRAINING_OUTPUTS] : [])];
}

/** A finished step's outputs: folder and content hash per output name. */
interface StepResult {
  readonly dirs: Record<string, string>;
  readonly hashes: Record<string, string>;
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-")}-${process.pid}`;
}

/** run.json is written at most this often while steps run (and always when the run ends). */
const SAVE_INTERVAL_MS = 200;

/**
 * One local run in progress: its record (saved as it changes, at most every {@link SAVE_INTERVAL_MS}:
 * rewriting it at every step event was quadratic in steps), its folder and the finished results.
 * Results are committed by their own markers, so a run killed between two saves loses nothing.
 */
class LocalRun {
  readonly id = newRunId();
  readonly dir: string;
  readonly driver: string;
  readonly results = new Map<string, StepResult>();
  readonly environments: Map<string, EnvironmentIR>;
  readonly secretNames: readonly string[];
  readonly record: RunRecord;
  private readonly byKey: Map<string, StepRecord>;
  private saveTimer: NodeJS.Timeout | undefined;
  /** One snapshot per source folder per run, as Azure takes one per submit. */
  private readonly snapshots = new Map<string, Promise<Snapshot>>();
  /** Source folders whose snapshot is in the object store already (in this run). */
  private readonly stored = new Set<string>();

  constructor(
    readonly ir: PipelineIR,
    planned: readonly PlannedStep[],
    readonly options: ExecuteOptions,
  ) {
    this.dir = options.layout.run(this.id);
    mkdirSync(join(this.dir, "logs"), { recursive: true });
    this.record = {
      id: this.id,
      pipeline: ir.name,
      compiledDir: options.compiledDir,
      status: "running",
      startedAt: new Date().toISOString(),
      steps: planned.map((p) => ({ key: p.step.key, status: "pending" })),
    };
    this.byKey = new Map(this.record.steps.map((s) => [s.key, s]));
    this.flush();
    this.driver = join(this.dir, "parallel_driver.py");
    writeFileSync(this.driver, PARALLEL_DRIVER_PY);
    this.environments = new Map(ir.environments.map((e) => [e.name, e]));
    this.secretNames = secretEnvNames(ir);
  }

  /** Saves the record soon (at most one write per interval). */
  save(): void {
    this.saveTimer ??= setTimeout(() => this.flush(), SAVE_INTERVAL_MS);
  }

  /** Saves the record now. */
  flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    writeJsonAtomic(join(this.dir, "run.json"), this.record);
  }

  step(key: string): StepRecord {
    return this.byKey.get(key) as StepRecord;
  }

  /** Copies a source folder's snapshot into the object store, once in this run (not once per step). */
  storeOnce(sourceDirectory: string, snapshot: Snapshot): void {
    if (this.stored.has(sourceDirectory)) return;
    storeSnapshot(sourceDirectory, snapshot, this.options.layout.objects);
    this.stored.add(sourceDirectory);
  }

  /** The snapshot of a source folder, taken once in this run. */
  snapshot(sourceDirectory: string): Promise<Snapshot> {
    let snapshot = this.snapshots.get(sourceDirectory);
    if (snapshot === undefined) {
      snapshot = takeSnapshot(sourceDirectory);
      this.snapshots.set(sourceDirectory, snapshot);
    }
    return snapshot;
  }

  /** Marks `key` as ended with `status` and tells the listener. */
  end(key: string, status: StepRecord["status"], extra: Partial<StepRecord>): void {
    Object.assign(this.step(key), { status, ...extra });
    this.save();
    this.options.onEvent?.({ type: "end", record: { ...this.step(key) } });
  }
}

/** A stubbed step's outputs: the stub folder (one output) or a subfolder per output. */
async function stubResult(plan: PlannedStep, stub: string): Promise<StepResult> {
  const names = stepOutputs(plan.step).map((o) => o.name);
  const dirs = Object.fromEntries(names.map((name) => [name, names.length === 1 ? stub : join(stub, name)]));
  const hashes = Object.fromEntries(
    await Promise.all(Object.entries(dirs).map(async ([name, dir]) => [name, (await hashTree(dir)).sha256])),
  );
  return { dirs, hashes };
}

/** Where each input of a step is, and the hash of its content (an input that is missing throws). */
async function resolveInputs(plan: PlannedStep, results: ReadonlyMap<string, StepResult>) {
  const paths = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const [name, source] of plan.inputs) {
    if (source.kind === "path") {
      if (!existsSync(source.path))
        throw new Error(`input "${name}" is missing: ${source.path} does not exist`);
      paths.set(name, source.path);
      hashes.set(name, (await hashTree(source.path)).sha256);
    } else {
      paths.set(name, results.get(source.step)?.dirs[source.output] ?? "");
      hashes.set(name, results.get(source.step)?.hashes[source.output] ?? "");
    }
  }
  return { paths, hashes };
}

/** Result folders of a committed result, by output name. */
function resultDirs(resultDir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, join(resultDir, "outputs", n)]));
}

/** How a step ended (besides the timing every end records). */
interface StepOutcome {
  readonly status: StepRecord["status"];
  readonly extra: Partial<StepRecord>;
  readonly result?: StepResult;
}

/** Runs the step's action in a fresh work folder and commits its outputs when it succeeds. */
async function executeStep(
  run: LocalRun,
  plan: PlannedStep,
  prepared: {
    inputs: Map<string, string>;
    snapshot: Snapshot;
    sourceDirectory: string;
  },
  commit: { parts: CacheParts; resultDir: string; indexFile: string; reason: string },
): Promise<StepOutcome> {
  const { layout } = run.options;
  const step = plan.step;
  const outputNames = resultOutputNames(run.ir, step);
  // The working folder is the snapshot's copy; the outputs are staged beside it (local-layout.ts).
  const snapshotDir = layout.work(run.id, step.key);
  const staged = layout.staging(run.id, step.key);
  for (const dir of [snapshotDir, staged]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(snapshotDir, { recursive: true });
  run.storeOnce(prepared.sourceDirectory, prepared.snapshot);
  materializeSnapshot(prepared.snapshot, layout.objects, snapshotDir);
  const workOutputs = new Map(outputNames.map((n) => [n, join(staged, n)]));
  for (const dir of workOutputs.values()) mkdirSync(dir, { recursive: true });
  const environment = step.environment ? run.environments.get(step.environment) : undefined;
  const action = stepAction(step, {
    snapshot: snapshotDir,
    inputs: prepared.inputs,
    outputs: workOutputs,
    parameters: plan.parameters,
    writes: plan.writes,
    ...(environment ? { environment } : {}),
    parallelDriver: run.driver,
  });
  if (action.kind === "process" && action.note)
    run.options.onEvent?.({ type: "note", step: step.key, text: action.note });
  const log = layout.log(run.id, step.key);
  const exit = await runStepAction(action, snapshotDir, log, run.options.kill, run.secretNames);
  const reuse = `ran: ${commit.reason}`;
  if (exit.exitCode !== 0 && run.options.kill?.aborted)
    return { status: "canceled", extra: { log, reuse, error: "killed: the run was interrupted twice" } };
  if (exit.exitCode !== 0)
    return {
      status: "failed",
      extra: {
        exitCode: exit.exitCode,
        log,
        reuse,
        error: exit.error ?? `exited with code ${exit.exitCode}`,
      },
    };
  if (run.ir.trainingRun) keepTrainingOutputs(snapshotDir, workOutputs.get(TRAINING_OUTPUTS) as string);
  const hashes = await commitResult({ work: snapshotDir, staged, outputNames, runId: run.id, ...commit });
  const dirs = resultDirs(commit.resultDir, outputNames);
  return { status: "succeeded", extra: { exitCode: 0, log, outputs: dirs, reuse }, result: { dirs, hashes } };
}

/** Moves what a training run's script wrote to `outputs/` (in its working folder) into its result. */
function keepTrainingOutputs(snapshotDir: string, resultOutputs: string): void {
  const written = join(snapshotDir, TRAINING_OUTPUTS);
  if (!existsSync(written)) return;
  rmSync(resultOutputs, { recursive: true, force: true });
  renameSync(written, resultOutputs);
}

/** Reuses the step's committed result when nothing changed, else runs it. */
async function reuseOrRun(run: LocalRun, plan: PlannedStep): Promise<StepOutcome> {
  const { layout, root } = run.options;
  const step = plan.step;
  const inputs = await resolveInputs(plan, run.results);
  const sourceDirectory = resolve(root, step.sourceDirectory ?? ".");
  const snapshot = await run.snapshot(sourceDirectory);
  const environment = step.environment ? run.environments.get(step.environment) : undefined;
  const parts = cacheParts(step, snapshot.sha256, environment, plan.parameters, inputs.hashes);
  const key = cacheKey(parts);
  run.step(step.key).cacheKey = key;
  const resultDir = layout.result(key);
  const indexFile = layout.resultIndex(run.ir.name, step.key);
  const done = readJson<DoneMarker>(join(resultDir, "done.json"));
  const decision = decideReuse({
    allowReuse: step.allowReuse,
    forced: run.options.force === true,
    ...(done ? { committed: done } : {}),
    tampered: done && step.allowReuse ? await changedOutputs(resultDir, done) : [],
    previous: () => readJson<CacheParts>(indexFile),
    parts,
  });
  if (decision.reuse) {
    const dirs = resultDirs(resultDir, resultOutputNames(run.ir, step));
    return {
      status: "reused",
      extra: { outputs: dirs, reuse: `reused the result of run ${decision.runId}: nothing changed` },
      result: { dirs, hashes: done?.outputs ?? {} },
    };
  }
  return executeStep(
    run,
    plan,
    { inputs: inputs.paths, snapshot, sourceDirectory },
    { parts, resultDir, indexFile, reason: decision.reason },
  );
}

/** Runs (or reuses, or stubs) one step and records how it ended; never throws. */
async function runStep(run: LocalRun, plan: PlannedStep): Promise<void> {
  const key = plan.step.key;
  Object.assign(run.step(key), { status: "running", startedAt: new Date().toISOString() });
  run.save();
  run.options.onEvent?.({ type: "start", step: key });
  const started = performance.now();
  const timing = () => ({
    endedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const outcome: StepOutcome =
      plan.stub !== undefined
        ? await stubResult(plan, plan.stub).then((result) => ({
            status: "stubbed" as const,
            extra: { outputs: result.dirs, reuse: `outputs supplied by --stub ${key}=${plan.stub}` },
            result,
          }))
        : await reuseOrRun(run, plan);
    if (outcome.result) run.results.set(key, outcome.result);
    run.end(key, outcome.status, { ...timing(), ...outcome.extra });
  } catch (error) {
    // A coded refusal (a snapshot's links, AP904) keeps its code, so the user can look it up.
    const { code, message, hint } = error as { code?: string; message: string; hint?: string };
    const text = code?.startsWith("AP") ? `${code}: ${message}${hint ? `; ${hint}` : ""}` : message;
    run.end(key, "failed", { ...timing(), error: text });
  }
}

/**
 * Runs planned steps: each as soon as what it needs has finished, up to `jobs` at once. A step whose
 * definition, code, environment, parameters and input contents are unchanged is reused (when its
 * `allow_reuse` allows); a failed step stops its dependents while the others go on. Results are
 * committed (renamed into place, with a marker) only when a step succeeds, so a killed run loses
 * nothing that finished and the next run reuses it.
 */
export async function executeLocalRun(
  ir: PipelineIR,
  planned: readonly PlannedStep[],
  options: ExecuteOptions,
): Promise<RunRecord> {
  const run = new LocalRun(ir, planned, options);
  const plans = new Map(planned.map((p) => [p.step.key, p]));
  const scheduler = new StepScheduler(plans, (key) => run.step(key)?.status);
  const running = new Map<string, Promise<void>>();
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const stopped = () => options.signal?.aborted === true;
  while ((scheduler.hasWaiting && !stopped()) || running.size > 0) {
    if (stopped()) {
      await Promise.race(running.values());
      continue;
    }
    const decision = scheduler.take(running.size, jobs);
    for (const { key, because } of decision.skip) {
      run.end(key, "skipped", { error: `not run: ${because.join(", ")} did not succeed` });
      scheduler.finished(key, "skipped");
    }
    for (const key of decision.start) {
      running.set(
        key,
        runStep(run, plans.get(key) as PlannedStep).finally(() => {
          running.delete(key);
          scheduler.finished(key, run.step(key).status);
        }),
      );
    }
    for (const key of scheduler.stuck(running.size))
      Object.assign(run.step(key), { status: "skipped", error: "waits on a step that never ran (cycle?)" });
    if (running.size > 0) await Promise.race(running.values());
  }
  for (const record of run.record.steps)
    if (record.status === "pending")
      Object.assign(record, { status: "canceled", error: "not started: the run was interrupted" });
  run.record.status = runStatus(run.record.steps);
  run.record.endedAt = new Date().toISOString();
  run.flush();
  rmSync(options.layout.runWork(run.id), { recursive: true, force: true });
  return run.record;
}

/** A run's outcome: succeeded when every step did, canceled when an interrupt left steps undone. */
function runStatus(steps: readonly StepRecord[]): RunRecord["status"] {
  if (steps.every((s) => ["succeeded", "reused", "stubbed"].includes(s.status))) return "succeeded";
  return steps.some((s) => s.status === "canceled") ? "canceled" : "failed";
}

/** The ids of earlier runs, newest first. */
export function listRuns(layout: LocalLayout): string[] {
  const dir = join(layout.root, "runs");
  return existsSync(dir) ? readdirSync(dir).sort().reverse() : [];
}
