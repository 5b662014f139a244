import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

describe("amlpipe exit codes and usage", () => {
  it("given --help, prints every command and exits 0", async () => {
    const run = await runCliCaptured(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("compile");
    expect(run.stdout).toContain("validate");
  });

  it("given an unknown option, exits 2 (usage) and says what was wrong", async () => {
    const run = await runCliCaptured(["compile", "x.ts", "--bogus"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
  });

  it("given a missing argument, exits 2", async () => {
    const run = await runCliCaptured(["compile"]);
    expect(run.code).toBe(2);
  });

  it("given a file that does not exist, exits 1 with AP902 naming it", async () => {
    const run = await runCliCaptured(["validate", "nope.ts"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("AP902");
    expect(run.stderr).toContain('"nope.ts"');
  });

  it("given a module that throws while loading, reports AP900 at the user's line, with no stack trace", async () => {
    const run = await runCliCaptured(["validate", "fixtures/throws-at-line-7.ts", "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { diagnostics: { code: string; at: { line: number } }[] };
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.code).toBe("AP900");
    expect(result.diagnostics[0]?.at.line).toBe(7);
    expect(run.stdout).not.toContain("    at ");
  });

  it("given a module that exports no pipeline, reports AP901", async () => {
    const run = await runCliCaptured(["compile", "fixtures/no-pipeline.ts", "--format", "github"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("AP901");
  });
});

describe("a folder with a broken pipeline beside a clean one", () => {
  it("given compile of the folder, writes the clean one, not the broken one, and exits 1", async () => {
    const { existsSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const out = mkdtempSync(join(tmpdir(), "amlpipe-mixed-"));
    const run = await runCliCaptured(["compile", "fixtures/mixed", "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("broken.pipeline.ts:7");
    expect(run.stderr).toMatch(/clean-one \(.*\): -> /);
    expect(existsSync(join(out, "clean-one", "pipeline.yaml"))).toBe(true);
    const validate = await runCliCaptured(["validate", "fixtures/mixed"]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/clean-one \(.*\): ok/);
  });
});

describe("a pipeline module Node loads as CommonJS", () => {
  it("given the CommonJS load errors, the hint says to add type: module", async () => {
    const { moduleFormatProblem } = await import("../src/load/import-pipeline-module.js");
    expect(moduleFormatProblem(new Error("Cannot require() ES Module /x/p.ts in a cycle."))).toBe(true);
    expect(moduleFormatProblem(new SyntaxError("Cannot use import statement outside a module"))).toBe(true);
    expect(moduleFormatProblem(new Error("cannot build broken"))).toBe(false);
  });
});

describe("files a DSL pipeline names", () => {
  it("given a misspelt script and a missing source folder, validate reports AP104 at their .ts lines", async () => {
    const run = await runCliCaptured(["validate", "fixtures/missing-files/typo.pipeline.ts", "--json"]);
    const found = JSON.parse(run.stdout).diagnostics.filter((d: { code: string }) => d.code === "AP104");
    expect(
      found.map((d: { at: { file: string; line: number } }) => [
        d.at.file.endsWith("typo.pipeline.ts"),
        d.at.line,
      ]),
    ).toEqual([
      [true, 9],
      [true, 10],
    ]);
    expect(found[0].message).toContain('"trian.py"');
    expect(found[1].message).toContain("no-such-dir");
  });
});

describe("run of a .ts pipeline that names a missing script", () => {
  it("given the typo, run stops before any step with AP104 as an error at the .ts line", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const state = mkdtempSync(join(tmpdir(), "amlpipe-typo-run-"));
    const run = await runCliCaptured([
      "run",
      "fixtures/missing-files/typo.pipeline.ts",
      "--state-dir",
      state,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/typo\.pipeline\.ts:9:\d+: error AP104/);
  });

  it("given a v1 compile, says to run the v1 CLI from the compiled folder, where the SDK resolves its paths", async () => {
    const root = new URL("../../..", import.meta.url).pathname;
    const run = await runCliCaptured(["compile", "examples/demo", "-o", "packages/cli/.tmp/cwd-hint"], {
      cwd: root,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(
      "cd packages/cli/.tmp/cwd-hint/demo && az ml pipeline create -n demo -y pipeline.yaml",
    );
  });
});
