import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

// Scaffold inside this package so the new project resolves @amlpipe/dsl as an installed user project would.
const scratch = new URL("../.tmp/", import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });

describe("amlpipe init", () => {
  it("given an empty folder, scaffolds a project whose pipeline validates, compiles and runs locally at once", async () => {
    const dir = mkdtempSync(join(scratch, "init-"));
    expect((await runCliCaptured(["init", dir, "--force", "--name", "demo-project"])).code).toBe(0);
    for (const file of [
      "package.json",
      "tsconfig.json",
      "pipelines/train.pipeline.ts",
      "steps/train.py",
      ".github/workflows/amlpipe.yml",
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const validate = await runCliCaptured(["validate", "pipelines"], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    const run = await runCliCaptured(
      ["run", "pipelines/train.pipeline.ts", "--data", "raw_data=data/sample.csv", "--json"],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    const model = JSON.parse(run.stdout).steps.find((s: { key: string }) => s.key === "train").outputs.model;
    expect(JSON.parse(readFileSync(join(model, "model.json"), "utf8")).rows).toBe(4);
  });

  it("given a folder that is not empty, refuses without --force", async () => {
    const dir = mkdtempSync(join(scratch, "init-"));
    await runCliCaptured(["init", dir, "--force"]);
    expect((await runCliCaptured(["init", dir])).code).toBe(2);
  });
});
