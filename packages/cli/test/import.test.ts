import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emitV1, lowerPipeline, type PipelineIR } from "@amlpipe/compiler";
import { isPipeline } from "@amlpipe/dsl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pipelineIR } from "../../compiler/test/support/arbitraries.js";
import { generatePipelineSource } from "../src/import/generate-pipeline-source.js";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const scratch = new URL("../.tmp/import-test/", import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });
const docs = "packages/compiler/test/fixtures/docs";

describe("amlpipe import", () => {
  const fixtures = readdirSync(join(root, docs)).filter(
    (f) => f.endsWith(".yaml") && !f.startsWith("schedule"),
  );
  // The documented parallel-run example reads a side input nothing produces (AP201): the DSL cannot
  // express it. The parameters and data references snippets have no `steps:`, which the SDK v1 loader
  // refuses: import refuses them too (below).
  const fragments = ["data-references.yaml", "parameters.yaml"];
  // What the round trip against the original file finds, and what compile of the written TypeScript
  // refuses: the examples were written on another machine, so their runconfigs are not here (lost)
  // and their folders are absolute Windows paths (AP110); computes without attach specs keep
  // placeholders (AP316). The AzureBatchStep example leaves its pool settings out, which the loader
  // passes as None; the compiled step writes the SDK's defaults.
  const expected: Record<string, { differences: string[]; errors: string[] }> = {
    "adla-step.yaml": { differences: ["lost steps.Step1.runconfig"], errors: ["AP110", "AP316"] },
    "azure-batch-step.yaml": {
      differences: [
        "lost steps.Step1.runconfig",
        "added steps.Step1.vm_size",
        "added steps.Step1.delete_batch_job_after_finish",
        "added steps.Step1.delete_batch_pool_after_finish",
        "added steps.Step1.is_positive_exit_code_failure",
        "added steps.Step1.run_task_as_admin",
      ],
      errors: ["AP110", "AP316"],
    },
    "data-transfer-step.yaml": { differences: ["lost steps.Step1.runconfig"], errors: [] },
    "databricks-step.yaml": { differences: ["lost steps.Step1.runconfig"], errors: ["AP110", "AP316"] },
    "multi-step.yaml": {
      differences: ["lost steps.Dataprep.runconfig", "lost steps.Training.runconfig"],
      errors: [],
    },
    "python-script-step.yaml": { differences: ["lost steps.Step1.runconfig"], errors: ["AP110"] },
  };
  for (const file of fixtures.filter((f) => f !== "parallel-run-step.yaml" && !fragments.includes(f))) {
    it(`given the documented ${file}, the round trip against the original lists exactly what is lost, and compile's errors`, async () => {
      const out = join(scratch, file.replace(".yaml", ".pipeline.ts"));
      const run = await runCliCaptured(["import", join(docs, file), "-o", out, "--force", "--json"], {
        cwd: root,
      });
      expect(run.code, run.stderr).toBe(0);
      const outcome = JSON.parse(run.stdout);
      const paths = (outcome.differences ?? []).map((d: string) => d.slice(0, d.lastIndexOf(":")));
      expect(paths).toEqual(expected[file]?.differences);
      const codes = (outcome.compileErrors ?? []).map((e: string) => /\b(AP\d{3})\b/.exec(e)?.[1]);
      expect(codes.sort()).toEqual(expected[file]?.errors);
      expect(readFileSync(out, "utf8")).toContain('from "@amlpipe/dsl"');
    });
  }

  it("given the reference page's snippets with no steps, refuses them as the loader does (AP101)", async () => {
    for (const file of fragments) {
      const out = join(scratch, file.replace(".yaml", ".pipeline.ts"));
      const run = await runCliCaptured(["import", join(docs, file), "-o", out, "--force"], { cwd: root });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no "steps:"');
    }
  });

  it("given the parallel-run example, reports the dangling side input as unsupported with its line", async () => {
    const out = join(scratch, "parallel.pipeline.ts");
    const run = await runCliCaptured(
      ["import", join(docs, "parallel-run-step.yaml"), "-o", out, "--force", "--json"],
      { cwd: root },
    );
    const outcome = JSON.parse(run.stdout);
    const unsupported = outcome.report.filter((e: { status: string }) => e.status === "unsupported");
    // ... and `parameters`, which the loader does not pass to a ParallelRunStep.
    expect(unsupported).toMatchObject([
      { construct: 'step "Step1" side input "SideInputData"', at: { line: 29 } },
      { construct: 'step "Step1" key "parameters"', at: { line: 22 } },
    ]);
  });

  it("given an existing output file, refuses without --force (exit 2)", async () => {
    const out = join(scratch, "exists.pipeline.ts");
    writeFileSync(out, "// mine\n");
    const run = await runCliCaptured(["import", join(docs, "multi-step.yaml"), "-o", out], { cwd: root });
    expect(run.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("// mine\n");
  });

  it("given generated pipelines of every step kind, the generated TypeScript lowers to the same pipeline YAML", async () => {
    const options = { outputToRoot: ".", toolVersion: "t", schemaDirectory: "." };
    const yamlOf = (ir: PipelineIR) =>
      emitV1(ir, options).files.find((f) => f.path === "pipeline.yaml")?.text;
    const samples = fc.sample(pipelineIR, { numRuns: 12, seed: 7 });
    for (const [index, ir] of samples.entries()) {
      const file = join(scratch, `generated-${index}.pipeline.ts`);
      const { text } = generatePipelineSource(ir, { tsFileDir: "packages/cli/.tmp/import-test" });
      writeFileSync(file, text);
      const module = (await import(`${file}?v=${Date.now()}`)) as { default: unknown };
      expect(isPipeline(module.default)).toBe(true);
      const lowered = lowerPipeline(module.default as never, { root });
      expect(lowered.ir && yamlOf(lowered.ir), text).toBe(yamlOf(ir));
    }
  });
});

describe("amlpipe import on every example's compiled YAML", () => {
  it("given each compiled example, regenerates TypeScript that compiles back to the same pipeline YAML", async () => {
    const out = join(scratch, "examples-out");
    expect((await runCliCaptured(["compile", "examples", "-o", out], { cwd: root })).code).toBe(0);
    for (const name of readdirSync(out).filter((n) => !n.startsWith("."))) {
      const file = join(scratch, `example-${name}.pipeline.ts`);
      const run = await runCliCaptured(["import", join(out, name), "-o", file, "--force", "--json"], {
        cwd: root,
      });
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout).roundTrip, name).toBe("identical");
    }
  }, 60_000);
});
