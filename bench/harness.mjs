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

/** Median, minimum and maximum of samples. */
export function spread(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** "median (min–max)" of ratios, two decimals. */
export function ratioText(values) {
  const s = spread(values);
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

/** The noise of samples: half their range, relative to their median (0.1 = ±10 %). */
export function noise(values) {
  const s = spread(values);
  return s.median === 0 ? 0 : (s.max - s.min) / 2 / s.median;
}

/**
 * Runs `a` and `b` alternately `runs` times (A B A B …, so a noisy neighbour hits both alike) and
 * returns both sample lists and the pair-by-pair ratios a/b. Each function returns one number.
 */
export async function paired(runs, a, b) {
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return { a: as, b: bs, ratios: as.map((value, i) => value / bs[i]) };
}

/**
 * A goal of the issue as a benchmark checks it: `value` against `target` (`better` says which way),
 * with the run's own noise, so bench/run.mjs can say met or not and catch regressions.
 */
export function goal(id, label, value, target, better, samples) {
  return { id, label, value, target, better, noise: samples ? noise(samples) : 0 };
}

/** Wall time (ms) of one whole process; throws when it fails. */
export function wallOnce(command, args, { cwd, env } = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/**
 * Runs `node bench/measure.mjs <what> …` in a fresh process: the worker measures itself and prints
 * JSON ({ ms, cpuMs, peakMb }).
 */
export function measureInChild(root, args, { cwd } = {}) {
  const result = spawnSync(process.execPath, [`${root}/bench/measure.mjs`, ...args], {
    cwd: cwd ?? root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`measure ${args.join(" ")} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}
