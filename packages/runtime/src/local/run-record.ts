import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** What happened to a step in a local run. */
export type StepStatus =
  | "pending"
  | "running"
  | "succeeded"
  | "reused"
  | "stubbed"
  | "failed"
  | "skipped"
  /** Interrupted: never started after Ctrl-C, or killed by a second one. A rerun runs it. */
  | "canceled";

/** One step's record in `run.json`. */
export interface StepRecord {
  key: string;
  status: StepStatus;
  cacheKey?: string;
  /** Why the step was (not) reused: what `--explain` prints. */
  reuse?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  exitCode?: number | null;
  log?: string;
  outputs?: Record<string, string>;
  error?: string;
}

/** The record of one local run (`.amlpipe/runs/<id>/run.json`). */
export interface RunRecord {
  id: string;
  pipeline: string;
  compiledDir: string;
  /** `canceled`: Ctrl-C stopped the run before every step had ended. */
  status: "running" | "succeeded" | "failed" | "canceled";
  startedAt: string;
  endedAt?: string;
  steps: StepRecord[];
}

/** Writes JSON atomically (temp file + rename): a run killed mid-write never leaves a torn file. */
export function writeJsonAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}

/**
 * Writes JSON straight into place, for a file only {@link readJson} reads, where a torn write reads
 * as missing: no prefix of a JSON object is a JSON object. A step's `done.json` and result index
 * are written so; a crash mid-write then costs a rerun or an explanation, never a wrong reuse. This
 * saves a step the temporary file and the rename of {@link writeJsonAtomic}.
 */
export function writeJsonInPlace(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a JSON file, or undefined when it is missing or damaged. */
export function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}
