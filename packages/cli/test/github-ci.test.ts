import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startArmEmulator } from "@amlpipe/runtime";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;

const GOOD =
  "pipeline:\n  name: good\n  steps:\n    hello:\n      type: PythonScriptStep\n      script_name: hello.py\n      source_directory: .\n      compute: local\n";
// `train` reads `features`, which no step writes: AP201 at line 9.
const BAD =
  "pipeline:\n  name: bad\n  steps:\n    train:\n      type: PythonScriptStep\n      script_name: hello.py\n      source_directory: .\n      compute: local\n      inputs: {data: {source: features}}\n";

/** A repository with a package folder holding a good and a bad pipeline, and a summary file. */
function repository(): { workspace: string; pkg: string; summary: string } {
  const workspace = mkdtempSync(join(tmpdir(), "amlpipe-gha-"));
  const pkg = join(workspace, "packages", "ml");
  for (const [name, text] of [
    ["good", GOOD],
    ["bad", BAD],
  ] as const) {
    mkdirSync(join(pkg, name), { recursive: true });
    writeFileSync(join(pkg, name, "pipeline.yaml"), text);
    writeFileSync(join(pkg, name, "hello.py"), "print('hi')\n");
  }
  return { workspace, pkg, summary: join(workspace, "summary.md") };
}

describe("GitHub Actions: annotations and the job summary", () => {
  it("given validate run in a package folder, annotates files by their path from the repository root (GITHUB_WORKSPACE), and by the working folder without it", async () => {
    const { workspace, pkg } = repository();
    const inCi = await runCliCaptured(["validate", "bad/pipeline.yaml", "--format", "github"], {
      cwd: pkg,
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(inCi.code).toBe(1);
    expect(inCi.stdout).toMatch(/^::error file=packages\/ml\/bad\/pipeline\.yaml,line=9,/m);
    const local = await runCliCaptured(["validate", "bad/pipeline.yaml", "--format", "github"], {
      cwd: pkg,
      env: {},
    });
    expect(local.stdout).toMatch(/^::error file=bad\/pipeline\.yaml,line=9,/m);
  });

  it("given GITHUB_STEP_SUMMARY, validate appends each pipeline's verdict and a table of diagnostics; a second command appends, never overwrites", async () => {
    const { workspace, pkg, summary } = repository();
    const env = { GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary };
    writeFileSync(summary, "earlier step\n");
    expect((await runCliCaptured(["validate", "good/pipeline.yaml"], { cwd: pkg, env })).code).toBe(0);
    expect((await runCliCaptured(["validate", "bad/pipeline.yaml"], { cwd: pkg, env })).code).toBe(1);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step\n")).toBe(true);
    expect(text).toMatch(/### ✅ amlpipe validate: 0 error\(s\), \d+ warning\(s\)\n\n- ✅ `good`/);
    expect(text).toContain("### ❌ amlpipe validate: 1 error(s)");
    expect(text).toMatch(
      /\| error \| AP201 [^|]+ \| `packages\/ml\/bad\/pipeline\.yaml:9` \| [^\n]*features/,
    );
  });

  it("given graph --diff, appends the Markdown diff to the summary", async () => {
    const { pkg, summary } = repository();
    writeFileSync(join(pkg, "good", "v2.yaml"), GOOD.replace("hello:", "greet:"));
    const run = await runCliCaptured(["graph", "--diff", "good/pipeline.yaml", "good/v2.yaml"], {
      cwd: pkg,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(summary, "utf8").trim()).toBe(run.stdout.trim());
    expect(run.stdout).toContain("greet");
  });

  it("given a submit, appends the job, its Studio link and what was uploaded", async () => {
    const emulator = await startArmEmulator();
    try {
      const out = mkdtempSync(join(tmpdir(), "amlpipe-gha-out-"));
      await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], { cwd: root });
      const summary = join(out, "summary.md");
      const run = await runCliCaptured(["submit", join(out, "aml-cluster-training"), "--wait"], {
        cwd: root,
        env: { AMLPIPE_EMULATOR: emulator.url, GITHUB_STEP_SUMMARY: summary },
      });
      expect(run.code, run.stderr).toBe(0);
      const text = readFileSync(summary, "utf8");
      expect(text).toMatch(/^### ✅ amlpipe submit: job `amlpipe-aml-cluster-training-[0-9a-f]+` Completed/);
      expect(text).toMatch(/\[Open in Azure ML studio\]\(https:\/\/ml\.azure\.com\/runs\//);
      expect(text).toMatch(/- uploaded \d+ file\(s\)/);
    } finally {
      await emulator.close();
    }
  });
});
