// `amlpipe import` of a compiled 100- and 1,000-step pipeline.yaml (TypeScript written, then compiled
// again for the round-trip check): whole processes, to show the growth is linear.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeCompiledBenchPipeline } from "./bench-pipelines.mjs";
import { goal, median, ms, wallOnce } from "./harness.mjs";

export const title = "Import a pipeline YAML";

export async function run({ root, runs }) {
  // Inside the checkout, so the generated TypeScript resolves @amlpipe/dsl for its round trip.
  const dir = join(root, ".tmp", "bench-import");
  mkdirSync(dir, { recursive: true });
  try {
    const times = {};
    for (const n of [100, 1000]) {
      await writeCompiledBenchPipeline(root, dir, n);
      times[n] = [];
      for (let i = 0; i < Math.max(3, Math.ceil(runs / 3)); i++)
        times[n].push(
          wallOnce(
            process.execPath,
            [
              join(root, "packages/cli/dist/bin.js"),
              "import",
              `p${n}/pipeline.yaml`,
              "-o",
              `p${n}.pipeline.ts`,
              "--force",
            ],
            { cwd: dir },
          ),
        );
    }
    const growth = median(times[1000]) / median(times[100]);
    return {
      markdown: [
        "Whole `amlpipe import` processes: read the YAML, write the TypeScript (ts-morph), load and",
        "compile it again to compare with the original.",
        "",
        "| steps | wall time, median | runs |",
        "|---|---|---|",
        ...[100, 1000].map(
          (n) => `| ${n.toLocaleString("en")} | ${ms(median(times[n]))} | ${times[n].length} |`,
        ),
        "",
        `Growth 100 -> 1,000 steps: ${growth.toFixed(1)}× the time for 10× the steps.`,
      ].join("\n"),
      goals: [goal("import-growth", "import 100 -> 1,000 steps: time growth", growth, 12, "lower")],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
