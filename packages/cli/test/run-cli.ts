import { resolve } from "node:path";
import { type CliIo, runCli } from "../src/index.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output; `cwd` defaults to this test folder. */
export async function runCliCaptured(
  argv: readonly string[],
  overrides: Partial<CliIo> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: resolve(import.meta.dirname),
    env: {},
    isTTY: false,
    ...overrides,
  });
  return { code, stdout, stderr };
}
