// `amlpipe validate` of a compiled 10,000-step pipeline.yaml (and 1,000, for the growth): whole
// processes measuring themselves (bench/measure.mjs), CPU time of every thread and peak memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCompiledBenchPipeline } from "./bench-pipelines.mjs";
import { goal, measureInChild, median, ms, spread } from "./harness.mjs";

export const title = "Validate a pipeline YAML";

export async function run({ root, runs }) {
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-bench-validate-"));
  try {
    const rows = [];
    const results = {};
    for (const n of [1000, 10000]) {
      await writeCompiledBenchPipeline(root, dir, n);
      const count = n >= 10000 ? Math.max(3, Math.ceil(runs / 2)) : runs;
      const samples = [];
      for (let i = 0; i < count; i++) {
        const sample = measureInChild(root, ["cli", "validate", `p${n}/pipeline.yaml`], { cwd: dir });
        if (sample.exitCode !== 0) throw new Error(`validate p${n} exited ${sample.exitCode}`);
        samples.push(sample);
      }
      const wall = samples.map((s) => s.ms);
      const peak = samples.map((s) => s.peakMb);
      results[n] = { wall, peak, cpu: samples.map((s) => s.cpuMs) };
      const range = spread(wall);
      rows.push(
        `| ${n.toLocaleString("en")} | ${ms(range.median)} (${ms(range.min)}–${ms(range.max)}) | ${ms(median(results[n].cpu))} | ${median(peak).toFixed(0)} MB | ${count} |`,
      );
    }
    const growth = median(results[10000].cpu) / median(results[1000].cpu);
    return {
      markdown: [
        "Whole process (start, module loading, parse, rules, schema checks; nothing written), the bench",
        "pipeline compiled to a folder first. Wall time median (range), CPU time of every thread, max RSS.",
        "",
        "| steps | wall | CPU | peak memory | runs |",
        "|---|---|---|---|---|",
        ...rows,
        "",
        `Growth 1,000 -> 10,000 steps: ${growth.toFixed(1)}× the CPU time for 10× the steps.`,
      ].join("\n"),
      goals: [
        goal(
          "validate-10k-time",
          "validate 10,000 steps: wall time (s)",
          median(results[10000].wall) / 1000,
          1.5,
          "lower",
          results[10000].wall,
        ),
        goal(
          "validate-10k-memory",
          "validate 10,000 steps: peak memory (MB)",
          median(results[10000].peak),
          150,
          "lower",
          results[10000].peak,
        ),
        goal("validate-growth", "validate 1,000 -> 10,000 steps: CPU growth", growth, 12, "lower"),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
