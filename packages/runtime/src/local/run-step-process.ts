import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, cpSync, createWriteStream, mkdirSync, openSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { maskedValues, maskingStream, withoutVariables } from "./mask-secrets.js";
import type { StepAction } from "./step-command.js";

/** A step action that is a process. */
type ProcessAction = Extract<StepAction, { kind: "process" }>;

/** Windows has no process groups to signal; there a console Ctrl-C reaches every process anyway. */
const OWN_GROUP = process.platform !== "win32";

/** Ends a step's process and whatever it started (its process group), or the process alone on Windows. */
function killGroup(child: ChildProcess): void {
  try {
    if (OWN_GROUP && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    else child.kill("SIGTERM");
  } catch {
    // Already gone.
  }
}

/** How a step's action ended. */
export interface ActionResult {
  readonly exitCode: number | null;
  readonly error?: string;
}

/**
 * Runs a step's action with `cwd` as working directory, writing stdout and stderr to `logFile` (created
 * here, empty for a copy). The process runs in a process group of its own, so the Ctrl-C a terminal
 * sends to amlpipe does not reach it (the first Ctrl-C lets running steps finish); `kill` ends the
 * group. Resolves (never rejects) with the exit code, or an error message when the process could not
 * start.
 */
export function runStepAction(
  action: StepAction,
  cwd: string,
  logFile: string,
  kill?: AbortSignal,
  secretNames: readonly string[] = [],
): Promise<ActionResult> {
  if (action.kind === "copy") {
    try {
      writeFileSync(logFile, "");
      mkdirSync(action.to, { recursive: true });
      const target = statSync(action.from).isDirectory() ? action.to : join(action.to, basename(action.from));
      cpSync(action.from, target, { recursive: true });
      return Promise.resolve({ exitCode: 0 });
    } catch (error) {
      return Promise.resolve({ exitCode: 1, error: `copy failed: ${(error as Error).message}` });
    }
  }
  // Secrets the pipeline names are for attaching computes, not for steps: they are not passed to
  // the step, and should a value reach the output anyway (a secret read some other way), it is
  // masked in the log.
  const values = secretNames.flatMap((name) => process.env[name] ?? []);
  const env = { ...withoutVariables(process.env, secretNames), ...action.env };
  return maskedValues(values).length === 0
    ? spawnIntoFile(action, cwd, env, logFile, kill)
    : spawnMasked(action, cwd, env, logFile, values, kill);
}

/**
 * Spawns a step whose output needs no masking: the log file is its stdout and stderr, so the
 * output never passes through this process (no pipes, no streams: the cheapest a step can cost).
 */
function spawnIntoFile(
  action: ProcessAction,
  cwd: string,
  env: Record<string, string | undefined>,
  logFile: string,
  kill: AbortSignal | undefined,
): Promise<ActionResult> {
  let fd: number | undefined;
  try {
    fd = openSync(logFile, "w");
    const child = spawn(action.command, [...action.args], {
      cwd,
      env,
      stdio: ["ignore", fd, fd],
      detached: OWN_GROUP,
    });
    return new Promise((resolvePromise) => watchChild(child, action.command, kill, resolvePromise));
  } catch (error) {
    return Promise.resolve(notStarted(action.command, error));
  } finally {
    if (fd !== undefined) closeSync(fd); // the child holds its own copy
  }
}

/** Spawns a step whose output passes through the masking stream into the log file. */
function spawnMasked(
  action: ProcessAction,
  cwd: string,
  env: Record<string, string | undefined>,
  logFile: string,
  values: readonly string[],
  kill: AbortSignal | undefined,
): Promise<ActionResult> {
  return new Promise((resolvePromise) => {
    const file = createWriteStream(logFile);
    const log = maskingStream(values);
    log.pipe(file);
    const child = spawn(action.command, [...action.args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: OWN_GROUP,
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    watchChild(child, action.command, kill, (result) => {
      log.end();
      file.on("close", () => resolvePromise(result));
    });
  });
}

/**
 * Ends the child's process group when `kill` aborts, and calls `finish` once with how the child
 * ended: its exit code, or why it could not start (an `error` may come before `close`).
 */
function watchChild(
  child: ChildProcess,
  command: string,
  kill: AbortSignal | undefined,
  finish: (result: ActionResult) => void,
): void {
  const stop = () => killGroup(child);
  if (kill?.aborted) stop();
  else kill?.addEventListener("abort", stop, { once: true });
  let ended = false;
  const end = (result: ActionResult) => {
    if (ended) return;
    ended = true;
    kill?.removeEventListener("abort", stop);
    finish(result);
  };
  child.on("error", (error) => end(notStarted(command, error)));
  child.on("close", (code) => end({ exitCode: code }));
}

/** The result of a step whose process could not start. */
function notStarted(command: string, error: unknown): ActionResult {
  return { exitCode: null, error: `could not start "${command}": ${(error as Error).message}` };
}
