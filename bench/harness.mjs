// Benchmark harness shared by bench/*.bench.mjs: hyperfine-style repeated whole-process runs,
// reporting medians and ratios only (machines are noisy; never a single run, never an assertion).
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a command `runs` times (after `warmup` unmeasured runs) and returns wall times in ms.
 * Throws when the command fails, so a broken benchmark never reports a number.
 */
export function timeCommand(command, args, { runs = 10, warmup = 2, cwd, env } = {}) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
    }
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}

/** A one-line description of this machine for the results page. */
export function machineLine() {
  const cpu = cpus()[0]?.model ?? "unknown cpu";
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Formats milliseconds with sensible precision. */
export function ms(value) {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}
