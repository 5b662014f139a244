// Compile + validate generated pipelines of 100, 1,000 and 10,000 steps (DSL -> IR -> rules -> YAML
// + schema checks), each run in a fresh process, paired with cdk8s synthesising the same number of
// objects (amlpipe, cdk8s, amlpipe, ...). CPU time is the comparison (the machine is shared); wall
// time and peak memory are shown too. Then the user's path: `amlpipe compile x.pipeline.ts`.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { goal, median, ms, paired, ratioText, wallOnce } from "./harness.mjs";

export const title = "Compile: amlpipe vs cdk8s";

function worker(root, tool, n) {
  const result = spawnSync(process.execPath, [join(root, "bench/compile-worker.mjs"), tool, String(n)], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${tool} ${n}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The user's file: the same pipeline as the worker builds, as a .ts module the CLI loads with tsx. */
function userPipelineSource(n) {
  return `import { compute, datastore, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const cpu = compute.amlCluster("cpu-cluster");
const raw = datastore.blob("workspaceblobstore").path("raw", { name: "raw" });
// biome-ignore lint: a generated benchmark pipeline
const steps: any[] = [];
for (let i = 0; i < ${n}; i++) {
  const source = i < 10 ? raw : steps[i - 10].outputs.out;
  steps.push(
    pythonScriptStep(\`s\${i}\`, { script: "train.py", sourceDirectory: "." })
      .on(cpu)
      .input("data", source)
      .output("out", { datastore: datastore.blob("workspaceblobstore") })
      .args(({ inputs, outputs }) => ["--in", inputs.data, "--out", outputs.out]),
  );
}

export default pipeline("bench-${n}").defaultCompute(cpu).steps(...steps);
`;
}

export async function run({ root, runs }) {
  const rows = [];
  const goals = [];
  const results = {};
  for (const n of [100, 1000, 10000]) {
    const count = n >= 10000 ? Math.max(3, Math.ceil(runs / 2)) : runs;
    const samples = [];
    const pairs = await paired(
      count,
      () => {
        samples.push({ amlpipe: worker(root, "amlpipe", n) });
        return samples.at(-1).amlpipe.cpuMs;
      },
      () => {
        samples.at(-1).cdk8s = worker(root, "cdk8s", n);
        return samples.at(-1).cdk8s.cpuMs;
      },
    );
    // Speed as cdk8s's CPU time over amlpipe's: 2 means amlpipe is twice as fast.
    const speed = pairs.ratios.map((r) => 1 / r);
    const memory = samples.map((s) => s.amlpipe.peakMb / s.cdk8s.peakMb);
    const of = (tool, key) => median(samples.map((s) => s[tool][key]));
    results[n] = { cpu: of("amlpipe", "cpuMs") };
    rows.push(
      `| ${n.toLocaleString("en")} | ${ms(of("amlpipe", "cpuMs"))} / ${ms(of("amlpipe", "ms"))} | ${of("amlpipe", "peakMb").toFixed(0)} MB | ${ms(of("cdk8s", "cpuMs"))} / ${ms(of("cdk8s", "ms"))} | ${of("cdk8s", "peakMb").toFixed(0)} MB | ${ratioText(speed)} | ${median(memory).toFixed(2)}× | ${count} |`,
    );
    goals.push(
      goal(
        `compile-speed-${n}`,
        `compile ${n} steps: times faster than cdk8s (CPU)`,
        median(speed),
        2,
        "higher",
        speed,
      ),
    );
    goals.push(
      goal(
        `compile-memory-${n}`,
        `compile ${n} steps: peak memory / cdk8s's`,
        median(memory),
        1,
        "lower",
        memory,
      ),
    );
  }
  const growth = results[10000].cpu / results[1000].cpu;

  // The user's path: the CLI loads the .ts through tsx (source maps on) in its loader worker.
  const work = join(root, ".tmp", "bench-compile");
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "train.py"), "pass\n");
  writeFileSync(join(work, "p10000.pipeline.ts"), userPipelineSource(10000));
  let cli;
  try {
    const count = Math.max(3, Math.ceil(runs / 2));
    cli = await paired(
      count,
      () =>
        wallOnce(
          process.execPath,
          [
            join(root, "bench/measure.mjs"),
            "cli",
            "compile",
            join(work, "p10000.pipeline.ts"),
            "-o",
            join(work, "out"),
          ],
          { cwd: root },
        ),
      () =>
        wallOnce(process.execPath, [join(root, "bench/compile-worker.mjs"), "cdk8s", "10000"], { cwd: root }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cliSpeed = cli.ratios.map((r) => 1 / r);
  goals.push(
    goal(
      "compile-cli-speed-10000",
      "`amlpipe compile` of a 10,000-step .ts: times faster than cdk8s (whole process)",
      median(cliSpeed),
      2,
      "higher",
      cliSpeed,
    ),
  );
  const markdown = [
    "Each measurement is a fresh Node process: amlpipe builds the pipeline with the DSL, lowers it,",
    "runs every rule, emits the YAML and checks it against the shipped schemas; cdk8s builds the same",
    "number of `ApiObject`s and synthesises YAML. Runs alternate amlpipe, cdk8s, amlpipe, ...; the speed",
    "ratio is taken pair by pair on CPU time (every thread), median (range). Peak memory is max RSS.",
    "",
    "| steps | amlpipe CPU / wall | amlpipe peak | cdk8s CPU / wall | cdk8s peak | times faster than cdk8s (CPU) | memory / cdk8s's | pairs |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Growth 1,000 -> 10,000 steps: ${growth.toFixed(1)}× the CPU time for 10× the steps.`,
    "",
    "The user's path, whole processes: `amlpipe compile p10000.pipeline.ts` (tsx, source maps, the loader",
    `worker, files written) against the cdk8s worker: ${ms(median(cli.a))} vs ${ms(median(cli.b))}, amlpipe ${ratioText(cliSpeed)} as fast.`,
  ].join("\n");
  return { markdown, goals };
}
