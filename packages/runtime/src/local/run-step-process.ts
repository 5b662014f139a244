import { spawn } from "node:child_process";
import { cpSync, createWriteStream, mkdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { StepAction } from "./step-command.js";

/** How a step's action ended. */
export interface ActionResult {
  readonly exitCode: number | null;
  readonly error?: string;
}

/**
 * Runs a step's action with `cwd` as working directory, appending stdout and stderr to `logFile`.
 * Resolves (never rejects) with the exit code, or an error message when the process could not start.
 */
export function runStepAction(
  action: StepAction,
  cwd: string,
  logFile: string,
  signal?: AbortSignal,
): Promise<ActionResult> {
  if (action.kind === "copy") {
    try {
      mkdirSync(action.to, { recursive: true });
      const target = statSync(action.from).isDirectory() ? action.to : join(action.to, basename(action.from));
      cpSync(action.from, target, { recursive: true });
      return Promise.resolve({ exitCode: 0 });
    } catch (error) {
      return Promise.resolve({ exitCode: 1, error: `copy failed: ${(error as Error).message}` });
    }
  }
  return new Promise((resolvePromise) => {
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(action.command, [...action.args], {
      cwd,
      env: { ...process.env, ...action.env },
      stdio: ["ignore", "pipe", "pipe"],
      ...(signal ? { signal } : {}),
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", (error) => {
      log.end();
      resolvePromise({ exitCode: null, error: `could not start "${action.command}": ${error.message}` });
    });
    child.on("close", (code) => {
      log.end();
      resolvePromise({ exitCode: code });
    });
  });
}
