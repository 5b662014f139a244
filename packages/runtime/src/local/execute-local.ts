import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { type PipelineIR, secretEnvNames, stepOutputs } from "@amlpipe/compiler";
import { hashTree } from "../snapshot/hash-tree.js";
import { materializeSnapshot, storeSnapshot, takeSnapshot } from "../snapshot/take-snapshot.js";
import { type CacheParts, cacheKey, cacheParts, describeChange } from "./cache-key.js";
import type { LocalLayout } from "./local-layout.js";
import type { PlannedStep } from "./local-plan.js";
import { PARALLEL_DRIVER_PY } from "./parallel-driver.js";
import { makeReadOnly, makeWritable } from "./result-permissions.js";
import { type RunRecord, readJson, type StepRecord, writeJsonAtomic } from "./run-record.js";
import { runStepAction } from "./run-step-process.js";
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
  readonly signal?: AbortSignal;
}

interface DoneMarker {
  readonly outputs: Record<string, string>;
  readonly runId: string;
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-")}-${process.pid}`;
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
  const { layout } = options;
  const runId = newRunId();
  const runDir = layout.run(runId);
  mkdirSync(join(runDir, "logs"), { recursive: true });
  const record: RunRecord = {
    id: runId,
    pipeline: ir.name,
    compiledDir: options.compiledDir,
    status: "running",
    startedAt: new Date().toISOString(),
    steps: planned.map((p) => ({ key: p.step.key, status: "pending" })),
  };
  const save = () => writeJsonAtomic(join(runDir, "run.json"), record);
  save();
  const driver = join(runDir, "parallel_driver.py");
  writeFileSync(driver, PARALLEL_DRIVER_PY);

  const stepRecord = (key: string) => record.steps.find((s) => s.key === key) as StepRecord;
  const outputDirs = new Map<string, Record<string, string>>();
  const outputHashes = new Map<string, Record<string, string>>();
  const environments = new Map(ir.environments.map((e) => [e.name, e]));
  const remaining = new Map(planned.map((p) => [p.step.key, p]));
  const running = new Map<string, Promise<void>>();
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const secretNames = secretEnvNames(ir);

  const runOne = async (plan: PlannedStep): Promise<void> => {
    const step = plan.step;
    const rec = stepRecord(step.key);
    rec.status = "running";
    rec.startedAt = new Date().toISOString();
    save();
    options.onEvent?.({ type: "start", step: step.key });
    const started = performance.now();
    const finish = (status: StepRecord["status"], extra: Partial<StepRecord> = {}) => {
      Object.assign(rec, {
        status,
        endedAt: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        ...extra,
      });
      save();
      options.onEvent?.({ type: "end", record: { ...rec } });
    };
    try {
      const outputNames = stepOutputs(step).map((o) => o.name);
      if (plan.stub !== undefined) {
        const outputs = Object.fromEntries(
          outputNames.map(
            (name) =>
              [name, outputNames.length === 1 ? plan.stub : join(plan.stub as string, name)] as [
                string,
                string,
              ],
          ),
        );
        outputDirs.set(step.key, outputs);
        outputHashes.set(
          step.key,
          Object.fromEntries(
            await Promise.all(Object.entries(outputs).map(async ([n, p]) => [n, (await hashTree(p)).sha256])),
          ),
        );
        finish("stubbed", { outputs, reuse: `outputs supplied by --stub ${step.key}=${plan.stub}` });
        return;
      }
      const inputPaths = new Map<string, string>();
      const inputHashes = new Map<string, string>();
      for (const [name, source] of plan.inputs) {
        if (source.kind === "path") {
          inputPaths.set(name, source.path);
          if (!existsSync(source.path))
            throw new Error(`input "${name}" is missing: ${source.path} does not exist`);
          inputHashes.set(name, (await hashTree(source.path)).sha256);
        } else {
          inputPaths.set(name, outputDirs.get(source.step)?.[source.output] ?? "");
          inputHashes.set(name, outputHashes.get(source.step)?.[source.output] ?? "");
        }
      }
      const sourceDirectory = resolve(options.root, step.sourceDirectory ?? ".");
      const snapshot = await takeSnapshot(sourceDirectory);
      const environment = step.environment ? environments.get(step.environment) : undefined;
      const parts = cacheParts(step, snapshot.sha256, environment, plan.parameters, inputHashes);
      const key = cacheKey(parts);
      rec.cacheKey = key;
      const resultDir = layout.result(key);
      const indexFile = layout.resultIndex(ir.name, step.key);
      const previous = readJson<CacheParts>(indexFile);
      const done = readJson<DoneMarker>(join(resultDir, "done.json"));
      const tampered = done && step.allowReuse ? await changedOutputs(resultDir, done) : [];
      if (done && step.allowReuse && tampered.length === 0) {
        const outputs = Object.fromEntries(outputNames.map((n) => [n, join(resultDir, "outputs", n)]));
        outputDirs.set(step.key, outputs);
        outputHashes.set(step.key, done.outputs);
        finish("reused", { outputs, reuse: `reused the result of run ${done.runId}: nothing changed` });
        return;
      }
      const reason = !step.allowReuse
        ? "allow_reuse is false"
        : tampered.length > 0
          ? `the committed result was changed after its run (${tampered.join(", ")})`
          : describeChange(previous, parts);
      const work = layout.work(runId, step.key);
      rmSync(work, { recursive: true, force: true });
      const snapshotDir = join(work, "snapshot");
      mkdirSync(snapshotDir, { recursive: true });
      storeSnapshot(sourceDirectory, snapshot, layout.objects);
      materializeSnapshot(snapshot, layout.objects, snapshotDir);
      const workOutputs = new Map(outputNames.map((n) => [n, join(work, "outputs", n)]));
      for (const dir of workOutputs.values()) mkdirSync(dir, { recursive: true });
      const action = stepAction(step, {
        snapshot: snapshotDir,
        inputs: inputPaths,
        outputs: workOutputs,
        parameters: plan.parameters,
        ...(environment ? { environment } : {}),
        parallelDriver: driver,
      });
      if (action.kind === "process" && action.note)
        options.onEvent?.({ type: "note", step: step.key, text: action.note });
      const log = layout.log(runId, step.key);
      writeFileSync(log, "");
      const result = await runStepAction(action, snapshotDir, log, options.signal, secretNames);
      if (result.exitCode !== 0) {
        finish("failed", {
          exitCode: result.exitCode,
          log,
          reuse: `ran: ${reason}`,
          error: result.error ?? `exited with code ${result.exitCode}`,
        });
        return;
      }
      // Commit: outputs move into the result folder, and the marker is written last.
      const staged = join(work, "outputs");
      mkdirSync(staged, { recursive: true }); // a step with no outputs still commits (an empty folder)
      const hashes: Record<string, string> = {};
      for (const [name, dir] of workOutputs) hashes[name] = (await hashTree(dir)).sha256;
      makeWritable(resultDir);
      rmSync(resultDir, { recursive: true, force: true });
      mkdirSync(resultDir, { recursive: true });
      renameSync(staged, join(resultDir, "outputs"));
      makeReadOnly(join(resultDir, "outputs"));
      writeJsonAtomic(join(resultDir, "done.json"), { outputs: hashes, runId } satisfies DoneMarker);
      writeJsonAtomic(indexFile, parts);
      rmSync(work, { recursive: true, force: true });
      const outputs = Object.fromEntries(outputNames.map((n) => [n, join(resultDir, "outputs", n)]));
      outputDirs.set(step.key, outputs);
      outputHashes.set(step.key, hashes);
      finish("succeeded", { exitCode: 0, log, outputs, reuse: `ran: ${reason}` });
    } catch (error) {
      finish("failed", { error: (error as Error).message });
    }
  };

  while (remaining.size > 0 || running.size > 0) {
    for (const [key, plan] of remaining) {
      if (running.size >= jobs) break;
      const states = plan.needs.map((need) => stepRecord(need)?.status);
      if (states.some((s) => s === "failed" || s === "skipped")) {
        remaining.delete(key);
        Object.assign(stepRecord(key), {
          status: "skipped",
          error: `not run: ${plan.needs.filter((n) => ["failed", "skipped"].includes(stepRecord(n)?.status ?? "")).join(", ")} did not succeed`,
        });
        save();
        options.onEvent?.({ type: "end", record: { ...stepRecord(key) } });
        continue;
      }
      if (states.every((s) => s === "succeeded" || s === "reused" || s === "stubbed")) {
        remaining.delete(key);
        const promise = runOne(plan).finally(() => running.delete(key));
        running.set(key, promise);
      }
    }
    if (running.size === 0) {
      // Nothing can start and nothing runs: what remains waits on a cycle or an unknown step.
      for (const key of remaining.keys())
        Object.assign(stepRecord(key), {
          status: "skipped",
          error: "waits on a step that never ran (cycle?)",
        });
      remaining.clear();
      break;
    }
    await Promise.race(running.values());
  }
  record.status = record.steps.every((s) => ["succeeded", "reused", "stubbed"].includes(s.status))
    ? "succeeded"
    : "failed";
  record.endedAt = new Date().toISOString();
  save();
  rmSync(layout.runWork(runId), { recursive: true, force: true });
  return record;
}

/** The ids of earlier runs, newest first. */
export function listRuns(layout: LocalLayout): string[] {
  const dir = join(layout.root, "runs");
  return existsSync(dir) ? readdirSync(dir).sort().reverse() : [];
}

/** Names of a committed result's outputs whose content no longer matches its `done.json` hashes. */
async function changedOutputs(resultDir: string, done: DoneMarker): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, sha256] of Object.entries(done.outputs)) {
    const dir = join(resultDir, "outputs", name);
    if (!existsSync(dir) || (await hashTree(dir)).sha256 !== sha256) changed.push(name);
  }
  return changed;
}
