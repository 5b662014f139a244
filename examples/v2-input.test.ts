import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@amlpipe/cli";
import { validateDocument } from "@amlpipe/compiler";
import { startArmEmulator } from "@amlpipe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

// v2 pipeline job YAML as an input of every command, on files shaped like the official
// azureml-examples (packages/compiler/test/fixtures/v2/README.md says which).
const root = new URL("..", import.meta.url).pathname;
const FIXTURES = "packages/compiler/test/fixtures/v2";
const scratch = new URL("../.tmp/v2-input/", import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });
const out = mkdtempSync(join(tmpdir(), "amlpipe-v2-input-"));

async function amlpipe(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: root,
    env: { AMLPIPE_POLL_MS: "5" },
    isTTY: false,
  });
  return { code, stdout, stderr };
}
const diagnosticsOf = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { code: string; severity: string; at?: { line: number } }[] })
    .diagnostics;

describe("v2 pipeline job YAML as input", () => {
  for (const name of ["taxi", "spark", "parallel"]) {
    it(`given the ${name} file, validate finds no error and compile (v2 by default for a v2 input) writes a schema-valid file`, async () => {
      const file = `${FIXTURES}/${name}/pipeline.yml`;
      const checked = await amlpipe("validate", file, "--json");
      expect(checked.code, checked.stdout).toBe(0);
      expect(diagnosticsOf(checked.stdout).filter((d) => d.severity === "error")).toEqual([]);
      const compiled = await amlpipe("compile", file, "-o", join(out, "compiled"), "--json");
      expect(compiled.code, compiled.stderr).toBe(0);
      const { pipelines } = JSON.parse(compiled.stdout) as { pipelines: { outDir: string }[] };
      const written = readFileSync(join(root, pipelines[0]?.outDir ?? "", "pipeline.yaml"), "utf8");
      expect(written).toContain("type: pipeline");
      expect(validateDocument("pipeline-job.v2.schema.json", parse(written))).toEqual([]);
    });
  }

  it("given a v2 file that breaks azure-ai-ml's rules (a Spark job with no compute or resources), validate fails at its line (AP101)", async () => {
    const file = join(scratch, "broken.yml");
    const text = readFileSync(join(root, FIXTURES, "spark/pipeline.yml"), "utf8");
    writeFileSync(file, text.replace("    compute: azureml:spark-pool\n", ""));
    const checked = await amlpipe("validate", file, "--json");
    expect(checked.code).toBe(1);
    const errors = diagnosticsOf(checked.stdout).filter((d) => d.severity === "error");
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: "AP101",
        message: expect.stringContaining("'compute' or 'resources'"),
        at: expect.objectContaining({ line: 18 }),
      }),
    );
  });

  it("given the v1 and v2 files of one pipeline, graph --diff finds no change", async () => {
    for (const example of ["aml-cluster", "remote-vm", "data-transfer"]) {
      const v1 = await amlpipe("compile", `examples/${example}/pipeline.ts`, "-o", join(out, "v1"), "--json");
      const v2 = await amlpipe(
        "compile",
        `examples/${example}/pipeline.ts`,
        "--target",
        "v2",
        "-o",
        join(out, "v2"),
        "--json",
      );
      const dir = (run: { stdout: string }) =>
        (JSON.parse(run.stdout) as { pipelines: { outDir: string }[] }).pipelines[0]?.outDir ?? "";
      const diff = await amlpipe("graph", "--diff", dir(v1), dir(v2));
      expect(diff.stdout, example).toMatch(/no changes/);
    }
  });

  it("given the nyc-taxi-shaped file, import writes TypeScript whose v2 output equals the original file setting by setting", async () => {
    const ts = join(scratch, "taxi.pipeline.ts");
    const run = await amlpipe("import", `${FIXTURES}/taxi/pipeline.yml`, "-o", ts, "--force", "--json");
    expect(run.code, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout) as { roundTrip: string; differences?: string[] };
    expect(outcome.roundTrip, JSON.stringify(outcome.differences)).toBe("identical");
    expect(readFileSync(ts, "utf8")).toContain('localData("');
  });

  it("given the Spark and parallel files, import lists what it could not carry, in the report and in the round trip", async () => {
    const spark = JSON.parse(
      (
        await amlpipe(
          "import",
          `${FIXTURES}/spark/pipeline.yml`,
          "-o",
          join(scratch, "spark.pipeline.ts"),
          "--force",
          "--json",
        )
      ).stdout,
    ) as { roundTrip: string; differences: string[]; report: { status: string; construct: string }[] };
    expect(spark.roundTrip).toBe("different");
    expect(spark.differences).toContain('lost jobs.count_rows.jars[0]: "extras.jar"');
    expect(spark.report.filter((e) => e.status === "unsupported").map((e) => e.construct)).toContain(
      'spark job "greet" key "py_files" is not carried by amlpipe',
    );
    const parallel = JSON.parse(
      (
        await amlpipe(
          "import",
          `${FIXTURES}/parallel/pipeline.yml`,
          "-o",
          join(scratch, "parallel.pipeline.ts"),
          "--force",
          "--json",
        )
      ).stdout,
    ) as { roundTrip: string; differences: string[] };
    expect(parallel.differences).toContain('lost jobs.score.logging_level: "DEBUG"');
    // What is carried does not show up as a difference.
    expect(parallel.differences.join("\n")).not.toMatch(
      /entry_script|mini_batch_size|append_row_to|max_concurrency/,
    );
  });

  it("given the nyc-taxi-shaped file, run executes its command jobs locally, reading the local data folder", async () => {
    const run = await amlpipe("run", `${FIXTURES}/taxi/pipeline.yml`, "--state-dir", join(out, "state"));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/rate_job: ok/);
  });

  describe("submit to the strict emulator", () => {
    let emulator: Awaited<ReturnType<typeof startArmEmulator>>;
    beforeAll(async () => {
      emulator = await startArmEmulator({ retryAfterSeconds: 0 });
    });
    afterAll(async () => emulator?.close());

    it("given the nyc-taxi- and parallel-shaped files, uploads their local data and code and the job completes", async () => {
      const workspace = ["--emulator", emulator.url, "--workspace", "ws"];
      // Their cluster is attached first (from the aml-cluster example's spec, the same name).
      const cluster = await amlpipe(
        "compile",
        "examples/aml-cluster/pipeline.ts",
        "-o",
        join(out, "cluster"),
        "--json",
      );
      const dir =
        (JSON.parse(cluster.stdout) as { pipelines: { outDir: string }[] }).pipelines[0]?.outDir ?? "";
      expect((await amlpipe("attach", dir, ...workspace)).code).toBe(0);
      for (const name of ["taxi", "parallel"]) {
        const run = await amlpipe("submit", `${FIXTURES}/${name}/pipeline.yml`, ...workspace, "--wait");
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr, name).toMatch(
          /uploading .*\/(data|rows|model): 1\/1 files|uploading .*rows: 2\/2 files/,
        );
        expect(run.stderr, name).toMatch(/: Completed/);
      }
    });
  });
});
