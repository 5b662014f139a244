// The local executor: the cost per step of `amlpipe run` over a bare spawn of the same command, the
// reuse check and a full run of 1,000 steps, and the growth from 100 to 1,000 steps. Steps run
// `/bin/true` through a user-managed environment (so the command costs next to nothing and the
// executor's own work shows); each comparison is paired in the same run.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { goal, median, ms, paired, ratioText, wallOnce } from "./harness.mjs";

export const title = "Local executor";

const RUNCONFIG = `framework: Python
target: local
environment:
  name: bin-true
  python:
    userManagedDependencies: true
    interpreterPath: /bin/true
`;

/** Writes a compiled pipeline of n `/bin/true` steps: a chain (each reads the one before) or independent. */
function writePipeline(dir, n, shape, allowReuse) {
  mkdirSync(join(dir, "out", "runconfigs"), { recursive: true });
  mkdirSync(join(dir, "steps"), { recursive: true });
  writeFileSync(join(dir, "steps", "noop.py"), "pass\n");
  writeFileSync(join(dir, "out", "runconfigs", "bin-true.yml"), RUNCONFIG);
  const steps = Array.from({ length: n }, (_, i) => {
    const input =
      shape === "chain" && i > 0 ? `      inputs:\n        data:\n          source: s${i - 1}_out\n` : "";
    return `    s${i}:\n      type: PythonScriptStep\n      script_name: noop.py\n      source_directory: ../steps\n      runconfig: runconfigs/bin-true.yml\n      allow_reuse: ${allowReuse}\n${input}      outputs:\n        out:\n          destination: s${i}_out\n`;
  }).join("");
  writeFileSync(
    join(dir, "out", "pipeline.yaml"),
    `pipeline:\n  name: local-${shape}-${n}\n  default_compute: local\n  steps:\n${steps}`,
  );
}

export async function run({ root, runs }) {
  const bin = join(root, "packages/cli/dist/bin.js");
  const base = mkdtempSync(join(tmpdir(), "amlpipe-bench-local-"));
  let state = 0;
  const amlpipeRun = (dir, extra = []) =>
    wallOnce(process.execPath, [bin, "run", "out", "--state-dir", join(base, `state${state++}`), ...extra], {
      cwd: dir,
    });
  try {
    // 1. Per step: (T(51 steps) - T(1 step)) / 50 against 50 bare spawns of /bin/true, --jobs 1, no reuse.
    const dirs = Object.fromEntries([1, 51].map((n) => [n, join(base, `seq${n}`)]));
    for (const [n, dir] of Object.entries(dirs)) writePipeline(dir, Number(n), "independent", false);
    const perStep = await paired(
      runs,
      () => (amlpipeRun(dirs[51], ["--jobs", "1"]) - amlpipeRun(dirs[1], ["--jobs", "1"])) / 50,
      () => {
        const started = performance.now();
        for (let i = 0; i < 50; i++) spawnSync("/bin/true", [], { stdio: "pipe" });
        return (performance.now() - started) / 50;
      },
    );
    // 2. A 1,000-step chain: its first run, then the reuse check (everything reused); 100 for growth.
    const big = 3;
    const chain = {};
    for (const n of [100, 1000]) {
      const dir = join(base, `chain${n}`);
      writePipeline(dir, n, "chain", true);
      chain[n] = { first: [], reuse: [] };
      for (let i = 0; i < big; i++) {
        const stateDir = join(base, `state${state++}`);
        const once = () =>
          wallOnce(process.execPath, [bin, "run", "out", "--state-dir", stateDir], { cwd: dir });
        chain[n].first.push(once());
        chain[n].reuse.push(once());
      }
    }
    // 3. 1,000 independent steps with the default --jobs (the cores) against xargs -P <cores>.
    const cores = availableParallelism();
    const wide = join(base, "wide");
    writePipeline(wide, 1000, "independent", false);
    const fanOut = await paired(
      big,
      () => amlpipeRun(wide),
      () => wallOnce("bash", ["-c", `seq 1000 | xargs -n1 -P ${cores} /bin/true`]),
    );
    const growth = median(chain[1000].first) / median(chain[100].first);
    const markdown = [
      "Steps run `/bin/true` through a user-managed environment, so what shows is the executor's own work",
      "(snapshot, work folder, spawn, result commit, run record). Whole `amlpipe run` processes.",
      "",
      "| | amlpipe | peer, same run | ratio, median (range) |",
      "|---|---|---|---|",
      `| per step, \`--jobs 1\`, reuse off: (T(51) − T(1)) / 50 | ${ms(median(perStep.a))} | bare \`/bin/true\` spawn: ${ms(median(perStep.b))} | ${ratioText(perStep.ratios)} |`,
      `| 1,000 independent steps, \`--jobs\` ${cores} (the cores) | ${ms(median(fanOut.a))} | \`xargs -P ${cores}\`: ${ms(median(fanOut.b))} | ${ratioText(fanOut.ratios)} |`,
      "",
      "| chain | first run | reuse check (all reused) | runs |",
      "|---|---|---|---|",
      ...[100, 1000].map(
        (n) =>
          `| ${n.toLocaleString("en")} steps | ${ms(median(chain[n].first))} | ${ms(median(chain[n].reuse))} | ${big} |`,
      ),
      "",
      `Growth 100 -> 1,000 steps (first run of the chain): ${growth.toFixed(1)}× the time for 10× the steps.`,
    ].join("\n");
    return {
      markdown,
      goals: [
        goal(
          "local-per-step",
          "local run: cost per step / a bare spawn",
          median(perStep.ratios),
          2,
          "lower",
          perStep.ratios,
        ),
        goal(
          "local-reuse-1000",
          "reuse check of a 1,000-step chain (s)",
          median(chain[1000].reuse) / 1000,
          1,
          "lower",
          chain[1000].reuse,
        ),
        goal(
          "local-fan-out-1000",
          "1,000-step run / xargs -P <cores>",
          median(fanOut.ratios),
          2,
          "lower",
          fanOut.ratios,
        ),
        goal("local-growth", "local run 100 -> 1,000 steps: time growth", growth, 12, "lower"),
      ],
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
