// Local executor overhead per step: a pipeline of N trivial steps (each `python3 -c pass`-like) run by
// `amlpipe run` against N bare process spawns of the same interpreter. Medians, ratio only.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, ms } from "./harness.mjs";

export const title = "Local executor overhead per step";

export async function run({ root, runs }) {
  const steps = 20;
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-bench-local-"));
  try {
    mkdirSync(join(dir, "out"));
    mkdirSync(join(dir, "steps"));
    writeFileSync(join(dir, "steps", "noop.py"), "pass\n");
    const body = Array.from(
      { length: steps },
      (_, i) =>
        `    s${i}:\n      type: PythonScriptStep\n      script_name: noop.py\n      source_directory: ../steps\n      allow_reuse: false\n`,
    ).join("");
    writeFileSync(join(dir, "out", "pipeline.yaml"), `pipeline:\n  name: overhead\n  steps:\n${body}`);
    const bin = join(root, "packages/cli/dist/bin.js");
    const pipelineTimes = [];
    const bareTimes = [];
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      const result = spawnSync(
        process.execPath,
        [bin, "run", "out", "--jobs", "1", "--state-dir", join(dir, `state${i}`)],
        { cwd: dir, encoding: "utf8" },
      );
      if (result.status !== 0) throw new Error(result.stderr);
      pipelineTimes.push(performance.now() - started);
      started = performance.now();
      for (let s = 0; s < steps; s++) spawnSync("python3", [join(dir, "steps", "noop.py")]);
      bareTimes.push(performance.now() - started);
    }
    const pipeline = median(pipelineTimes);
    const bare = median(bareTimes);
    const perStep = (pipeline - bare) / steps;
    return [
      `${steps} sequential no-op Python steps (\`--jobs 1\`, reuse off) through \`amlpipe run\`, against ${steps} bare`,
      `\`python3 noop.py\` spawns; ${runs} runs each. The run includes CLI start-up and reading the compiled directory.`,
      "",
      "| | median |",
      "|---|---|",
      `| \`amlpipe run\` (${steps} steps) | ${ms(pipeline)} |`,
      `| ${steps} bare spawns | ${ms(bare)} |`,
      `| overhead per step | ${ms(perStep)} |`,
      `| ratio run / bare | ${(pipeline / bare).toFixed(2)}× |`,
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
