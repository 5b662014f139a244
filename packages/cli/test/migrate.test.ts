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
