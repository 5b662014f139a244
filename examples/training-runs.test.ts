import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@amlpipe/cli";
import { startArmEmulator } from "@amlpipe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { oracleMissing, runconfigWithModel } from "./loader-oracle.js";

// The training runs of examples/training-runs: one script, four computes. Checked against the SDK
// v1 loader model's RunConfiguration.load, run locally, and submitted to the strict emulator.
const root = new URL("..", import.meta.url).pathname;
const RUNS = ["train-local", "train-remote-vm", "train-hdinsight", "train-aml-cluster"];
const out = mkdtempSync(join(tmpdir(), "amlpipe-training-"));
const v1 = join(out, "v1");
const v2 = join(out, "v2");

async function amlpipe(...argv: string[]): Promise<{ code: number; out: string }> {
  let text = "";
  const write = (t: string) => {
    text += t;
  };
  const env = { AMLPIPE_POLL_MS: "5", HDI_SSH_PASSWORD: "hdi-canary" };
  const code = await runCli(argv, { stdout: write, stderr: write, cwd: root, env, isTTY: false });
  return { code, out: text };
}

const runconfigOf = (name: string) => parse(readFileSync(join(v1, name, `${name}.runconfig`), "utf8"));
const manifestOf = (name: string) => JSON.parse(readFileSync(join(v1, name, "manifest.json"), "utf8"));

beforeAll(async () => {
  const compiled = await amlpipe("compile", "examples/training-runs/train.run.ts", "-o", v1);
  expect(compiled.code, compiled.out).toBe(0);
});

describe("training runs, v1: the RunConfiguration files", () => {
  it("given the four runs, writes one .runconfig each, and the manifest names its experiment and folder", () => {
    expect(readdirSync(v1).sort()).toEqual([".schemas", ...RUNS].sort());
    for (const name of RUNS) {
      expect(manifestOf(name).trainingRun).toEqual({
        experiment: "linear-model",
        runconfig: `${name}.runconfig`,
        sourceDirectory: expect.stringMatching(/examples\/training-runs\/src$/),
      });
      expect(existsSync(join(v1, name, "pipeline.yaml"))).toBe(false);
    }
  });

  const missing = oracleMissing();
  it.skipIf(missing !== undefined && process.env.CI === undefined)(
    "given each run, the SDK v1 loader model reads its target, framework and environment as written",
    () => {
      const expected: Record<string, { target: string; framework: string }> = {
        "train-local": { target: "local", framework: "Python" },
        "train-remote-vm": { target: "dsvm", framework: "Python" },
        "train-hdinsight": { target: "hdi-spark", framework: "PySpark" },
        "train-aml-cluster": { target: "cpu-cluster", framework: "Python" },
      };
      for (const name of RUNS) {
        const verdict = runconfigWithModel(join(v1, name, `${name}.runconfig`));
        expect(verdict.failure, name).toBeUndefined();
        expect(verdict.read).toMatchObject(expected[name] as object);
        // A curated environment is a registered one in every workspace: the model's note says so.
        const notes = verdict.notes.filter((n) => !/REGISTERED environment 'AzureML-/.test(n));
        expect(notes, name).toEqual([]);
      }
    },
  );

  it("given the same run on four computes, the compiled files differ only in target, framework and environment", () => {
    const rest = (name: string) => {
      const { target: _t, framework: _f, environment: _e, ...others } = runconfigOf(name);
      return others;
    };
    const first = rest(RUNS[0] as string);
    expect(first).toEqual({
      script: "train.py",
      arguments: ["--epochs", "200", "--learning-rate", "0.05"],
    });
    for (const name of RUNS) expect(rest(name), name).toEqual(first);
    expect(new Set(RUNS.map((n) => runconfigOf(n).target)).size).toBe(4);
  });
});

describe("training runs, v2: command jobs", () => {
  it("given the runs, writes job.yaml for each with a v2 form and refuses HDInsight Spark at its line", async () => {
    const compiled = await amlpipe(
      "compile",
      "examples/training-runs/train.run.ts",
      "-o",
      v2,
      "--target",
      "v2",
    );
    expect(compiled.code).toBe(1);
    expect(compiled.out).toMatch(/train\.run\.ts:\d+:\d+: error AP704/);
    // v2 has no user-managed environment: the local run's interpreter is said to be lost, not dropped silently.
    expect(compiled.out).toMatch(
      /warning AP705: step "train-local" runs with the user-managed interpreter "python3"/,
    );
    const jobs = ["train-local", "train-remote-vm", "train-aml-cluster"].map((name) => ({
      name,
      job: parse(readFileSync(join(v2, name, "job.yaml"), "utf8")),
    }));
    expect(existsSync(join(v2, "train-hdinsight"))).toBe(false);
    const rest = ({ compute: _c, environment: _e, ...others }: Record<string, unknown>) => others;
    for (const { name, job } of jobs) {
      expect(rest(job), name).toEqual({
        $schema: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json",
        type: "command",
        code: expect.stringMatching(/examples\/training-runs\/src$/),
        command: "python train.py --epochs 200 --learning-rate 0.05",
        experiment_name: "linear-model",
      });
    }
    expect(jobs.map((j) => j.job.compute)).toEqual(["local", "azureml:dsvm", "azureml:cpu-cluster"]);
  });
});

describe("training runs, imported back", () => {
  // Inside the repository, so the generated files resolve @amlpipe/dsl (.tmp/ is ignored by git).
  const scratch = join(root, "examples/.tmp/training-import");
  it.each([
    ["the v1 .runconfig", () => join(v1, "train-hdinsight", "train-hdinsight.runconfig")],
    ["the v2 job.yaml", () => join(v2, "train-aml-cluster", "job.yaml")],
  ])("given %s, writes a scriptRun that compiles back to the same RunConfiguration", async (what, file) => {
    const target = join(scratch, `${what.replace(/\W+/g, "-")}.run.ts`);
    const run = await amlpipe("import", file(), "-o", target, "--force", "--json");
    expect(run.code, run.out).toBe(0);
    expect(JSON.parse(run.out.slice(run.out.indexOf("{\n"))).roundTrip).toBe("identical");
    const text = readFileSync(target, "utf8");
    expect(text).toMatch(
      /export default scriptRun\("train-[\w-]+", \{ script: "train.py", sourceDirectory: "[^"]*training-runs\/src" \}\)/,
    );
    expect(text).toContain('.experiment("linear-model")');
  });
});

describe("training runs, validated from a user's own files", () => {
  it("given a project's .azureml/x.runconfig, reads the project folder as the source, warns on keys it does not carry and on a missing script, at their lines", async () => {
    const project = join(root, "examples/.tmp/training-project");
    mkdirSync(join(project, ".azureml"), { recursive: true });
    writeFileSync(join(project, "train.py"), "print('hi')\n");
    writeFileSync(
      join(project, ".azureml", "train.runconfig"),
      "script: missing.py\ntarget: local\nhistory:\n  outputCollection: true\n",
    );
    const run = await amlpipe("validate", "examples/.tmp/training-project/.azureml/train.runconfig");
    expect(run.out).toMatch(/train\.runconfig:3:1: warning AP102: run configuration key "history"/);
    expect(run.out).toMatch(
      /warning AP104: step "train": script "missing.py" is not in its source folder \(looked for examples\/\.tmp\/training-project\/missing\.py\)/,
    );
  });
});

describe("training runs, local", () => {
  const state = join(out, ".state");
  it("given the local run, trains, keeps outputs/, reuses the result, and runs again with --force", async () => {
    const args = [
      "run",
      "examples/training-runs/train.run.ts",
      "--pipeline",
      "train-local",
      "--state-dir",
      state,
    ];
    const first = await amlpipe(...args, "--json");
    expect(first.code, first.out).toBe(0);
    const record = JSON.parse(first.out.slice(first.out.indexOf("{\n")));
    const model = JSON.parse(readFileSync(join(record.steps[0].outputs.outputs, "model.json"), "utf8"));
    expect(model.weight).toBeCloseTo(3, 0);
    const again = await amlpipe(...args, "--explain");
    expect(again.out).toContain("train-local: reused");
    const forced = await amlpipe(...args, "--explain", "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("ran: --force asked for every step to run");
  });
});

describe("training runs, submitted to the strict emulator", () => {
  let emulator: Awaited<ReturnType<typeof startArmEmulator>>;
  beforeAll(async () => {
    emulator = await startArmEmulator({ retryAfterSeconds: 0 });
  });
  afterAll(async () => emulator?.close());

  it("given the cluster run, sends a command job, streams its log and downloads its outputs/", async () => {
    const downloads = join(out, "downloads");
    const submit = (...extra: string[]) =>
      amlpipe(
        "submit",
        join(v1, "train-aml-cluster"),
        "--emulator",
        emulator.url,
        "--workspace",
        "training",
        "--wait",
        ...extra,
      );
    const run = await submit("--download", downloads, "--experiment", "nightly");
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("a command job in experiment nightly");
    expect(run.out).toMatch(/\| \[amlpipe emulator\] would run: python train.py --epochs 200/);
    const job = /submitted job (\S+)/.exec(run.out)?.[1] as string;
    const stored = emulator.state.workspace(
      "00000000-0000-0000-0000-000000000000",
      "emulator-rg",
      "training",
    );
    const body = Object.values(stored.jobs)[0]?.properties ?? {};
    expect(body).toMatchObject({
      jobType: "Command",
      experimentName: "nightly",
      command: "python train.py --epochs 200 --learning-rate 0.05",
      codeId: expect.stringMatching(/^\/subscriptions\/.*\/codes\/[0-9a-f]{32}\/versions\/1$/),
      environmentId: expect.stringMatching(/\/environments\/AzureML-sklearn-1\.5\/versions\/\d+$/),
      computeId: expect.stringMatching(/\/computes\/cpu-cluster$/),
    });
    expect(readdirSync(join(downloads, job))).toEqual(["emulator-run.json"]);

    const resubmit = await submit("--experiment", "nightly");
    expect(resubmit.out).toContain(`job ${job} exists already`);
  });
});
