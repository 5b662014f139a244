import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCliCaptured } from "./run-cli.js";

const scratch = new URL("../.tmp/migrate/", import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });

describe("amlpipe migrate", () => {
  it("given a DataTransferStep, two PythonScriptSteps and an AdlaStep, migrates all but the AdlaStep, which is reported with line and reason", async () => {
    const run = await runCliCaptured(["migrate", "fixtures/migrate/pipeline.yaml", "-o", scratch, "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      v2: string;
      steps: { step: string; status: string; reason?: string; at?: { line: number } }[];
    };
    const notMigratable = report.steps.filter((s) => s.status !== "migrated");
    expect(notMigratable).toHaveLength(1);
    expect(notMigratable[0]).toMatchObject({ step: "aggregate", at: { line: 28 } });
    expect(notMigratable[0]?.reason).toContain("retired");
    const v2 = parse(readFileSync(join(scratch, "to-migrate", "pipeline.yaml"), "utf8"));
    expect(v2.type).toBe("pipeline");
    expect(Object.keys(v2.jobs).sort()).toEqual(["copy", "prepare", "train"]);
    expect(v2.jobs.copy).toMatchObject({ type: "data_transfer", task: "copy_data" });
    expect(v2.jobs.prepare.command).toBe(
      "python prepare.py --in ${{inputs.events}} --out ${{outputs.clean}}",
    );
    expect(v2.jobs.prepare.inputs.events).toBe("${{parent.jobs.copy.outputs.lake_copy}}");
    expect(v2.inputs.raw).toEqual({
      type: "uri_folder",
      path: "azureml://datastores/workspaceblobstore/paths/raw/events",
    });
  });
});

describe("amlpipe migrate, what it says it wrote", () => {
  it("given a pipeline whose only step has no v2 form, writes no file and says so (never 'wrote')", async () => {
    const out = join(scratch, "none");
    const run = await runCliCaptured(["migrate", "fixtures/migrate-none/pipeline.yaml", "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("wrote no v2 file");
    expect(run.stderr).not.toMatch(/^wrote \S+\/pipeline\.yaml/m);
    expect(() => readFileSync(join(out, "only-databricks", "pipeline.yaml"))).toThrow();
  });

  it("given a migrated file, its schema modeline points at a schema file that exists", async () => {
    const out = join(scratch, "modeline");
    expect((await runCliCaptured(["migrate", "fixtures/migrate/pipeline.yaml", "-o", out])).code).toBe(1);
    const text = readFileSync(join(out, "to-migrate", "pipeline.yaml"), "utf8");
    const schema = /\$schema=(\S+)/.exec(text.split("\n")[0] ?? "")?.[1] as string;
    expect(existsSync(join(out, "to-migrate", schema)), schema).toBe(true);
  });
});

describe("amlpipe migrate, ParallelRunSteps", () => {
  it("given a parallel_run_config file, carries its entry script, code, environment and settings; a side input bound to nothing keeps its step out", async () => {
    const out = join(scratch, "parallel");
    const run = await runCliCaptured([
      "migrate",
      "fixtures/migrate-parallel/pipeline.yaml",
      "-o",
      out,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { steps: { step: string; status: string; reason?: string }[] };
    expect(report.steps.find((s) => s.step === "rescore")).toMatchObject({
      status: "not migratable",
      reason: expect.stringContaining('"Output4"'),
    });
    const v2 = parse(readFileSync(join(out, "score-in-parallel", "pipeline.yaml"), "utf8"));
    expect(Object.keys(v2.jobs)).toEqual(["score"]);
    expect(v2.jobs.score).toMatchObject({
      type: "parallel",
      mini_batch_size: "10",
      error_threshold: 5,
      resources: { instance_count: 2 },
      max_concurrency_per_instance: 2,
      retry_settings: { timeout: 600 },
      task: {
        entry_script: "score.py",
        code: expect.stringMatching(/migrate-parallel\/scripts$/),
        program_arguments: "--mode fast",
        append_row_to: "${{outputs.scores}}",
        environment: {
          image: expect.stringMatching(/^mcr.microsoft.com\/azureml\/openmpi4.1.0-ubuntu20.04/),
        },
      },
    });
    expect(v2.jobs.score.task.environment.conda_file.dependencies).toContain("python=3.10");
  });

  it("given a parallel_run_config file that is not there, writes no job with an empty entry_script: the step is reported, the missing file warned about", async () => {
    const out = join(scratch, "parallel-missing");
    const run = await runCliCaptured([
      "migrate",
      "../../compiler/test/fixtures/docs/parallel-run-step.yaml",
      "-o",
      out,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      v2?: string;
      steps: { status: string; reason?: string }[];
      notCarried: { code: string; message: string }[];
    };
    expect(report.v2).toBeUndefined();
    expect(report.steps[0]).toMatchObject({
      status: "not migratable",
      reason: expect.stringContaining("entry_script"),
    });
    expect(report.notCarried.map((d) => d.code)).toContain("AP104");
  });
});
