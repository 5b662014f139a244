// Compile + validate generated pipelines of 100, 1,000 and 10,000 steps (DSL -> IR -> rules -> YAML
// + schema checks), each run in a fresh process, against cdk8s synthesising the same number of objects
// in the same run. Medians of whole-process measurements; ratios only.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median, ms } from "./harness.mjs";

export const title = "Compile: amlpipe vs cdk8s";

function measure(root, tool, n, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [join(root, "bench/compile-worker.mjs"), tool, String(n)], {
      cwd: root,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`${tool} ${n}: ${result.stderr}`);
    samples.push(JSON.parse(result.stdout));
  }
  return { ms: median(samples.map((s) => s.ms)), peakMb: median(samples.map((s) => s.peakMb)) };
}

export async function run({ root, runs }) {
  const sizes = [100, 1000, 10000];
  const rows = [];
  const results = {};
  for (const n of sizes) {
    const count = n >= 10000 ? Math.max(3, Math.ceil(runs / 2)) : runs;
    results[n] = {
      amlpipe: measure(root, "amlpipe", n, count),
      cdk8s: measure(root, "cdk8s", n, count),
      count,
    };
    const r = results[n];
    rows.push(
      `| ${n.toLocaleString("en")} | ${ms(r.amlpipe.ms)} | ${r.amlpipe.peakMb.toFixed(0)} MB | ${ms(r.cdk8s.ms)} | ${r.cdk8s.peakMb.toFixed(0)} MB | ${(r.cdk8s.ms / r.amlpipe.ms).toFixed(2)}× | ${r.count} |`,
    );
  }
  const growth = results[10000].amlpipe.ms / results[1000].amlpipe.ms;
  return [
    "Each measurement is a fresh Node process: amlpipe builds the pipeline with the DSL, lowers it,",
    "runs every rule, emits the YAML and checks it against the shipped schemas; cdk8s builds the same",
    "number of `ApiObject`s and synthesises YAML. Peak memory is the process's max RSS.",
    "",
    "| steps | amlpipe (median) | amlpipe peak | cdk8s (median) | cdk8s peak | cdk8s time / amlpipe time | runs |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Growth 1,000 -> 10,000 steps: ${growth.toFixed(1)}× the time for 10× the steps.`,
    "",
    (() => {
      const r = results[10000];
      const faster = r.cdk8s.ms / r.amlpipe.ms;
      const met = faster >= 5 && r.amlpipe.peakMb <= r.cdk8s.peakMb;
      return `Goal (at least 5× faster than cdk8s at 10,000 steps, no more memory): ${met ? "met" : "not met"} (${faster.toFixed(2)}× its speed, ${(r.amlpipe.peakMb / r.cdk8s.peakMb).toFixed(2)}× its memory).`;
    })(),
  ].join("\n");
}
