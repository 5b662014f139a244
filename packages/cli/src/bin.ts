#!/usr/bin/env node
import { runCli } from "./program.js";

// The process edge: real stdout/stderr/env, Ctrl-C (and CI's SIGTERM, which GitHub sends before it
// kills a cancelled job) as an AbortSignal, one exit at the very end.
const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrColors: process.stderr.isTTY === true && process.stderr.hasColors(),
  signal: controller.signal,
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
