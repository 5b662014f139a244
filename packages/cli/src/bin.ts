#!/usr/bin/env node
import type { Interrupts } from "./cli-io.js";
import { prewarmForCommandLine } from "./load/loader-prewarm.js";

// The loader worker starts first, on the other core, while this thread loads the CLI.
prewarmForCommandLine(process.argv.slice(2));
const { ExitCode } = await import("./cli-io.js");
const { runCli } = await import("./program.js");

// The process edge: real stdout/stderr/env, Ctrl-C (and CI's SIGTERM, which GitHub sends before it
// kills a cancelled job) as two AbortSignals for the commands that ask for them, one exit at the end.
let interrupts: Interrupts | undefined;
function takeOverInterrupts(): Interrupts {
  if (interrupts) return interrupts;
  const stop = new AbortController();
  const kill = new AbortController();
  process.on("SIGINT", () => {
    if (kill.signal.aborted) process.exit(ExitCode.interrupted);
    (stop.signal.aborted ? kill : stop).abort();
  });
  // CI sends SIGTERM once, shortly before it kills the process: stop and kill at once.
  process.once("SIGTERM", () => {
    stop.abort();
    kill.abort();
  });
  interrupts = { stop: stop.signal, kill: kill.signal };
  return interrupts;
}
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  columns: () => process.stderr.columns,
  stderrColors: process.stderr.isTTY === true && process.stderr.hasColors(),
  interrupts: takeOverInterrupts,
  ...(process.stdin.isTTY
    ? {
        ask: async (question: string) => {
          const { createInterface } = await import("node:readline/promises");
          const prompt = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return await prompt.question(question);
          } finally {
            prompt.close();
          }
        },
      }
    : {}),
});
process.exitCode = exitCode;
