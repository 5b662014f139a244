import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const version = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

/** A folder with a two-step pipeline: `ok` succeeds, `bad` prints a reason and fails. */
function failing(): string {
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-quiet-"));
  mkdirSync(join(dir, "p"));
  writeFileSync(join(dir, "p", "ok.py"), "print('fine')\n");
  writeFileSync(join(dir, "p", "bad.py"), "import sys\nprint('column label not found')\nsys.exit(2)\n");
  const step = (name: string) =>
    `    ${name}:\n      type: PythonScriptStep\n      script_name: ${name}.py\n      source_directory: .\n      compute: local\n`;
  writeFileSync(
    join(dir, "p", "pipeline.yaml"),
    `pipeline:\n  name: q\n  steps:\n${step("ok")}${step("bad")}`,
  );
  return dir;
}

describe("-q, -v and -V", () => {
  it("given -V or --version, prints package.json's version; -v is verbose, as in cdk, not the version", async () => {
    for (const flag of ["-V", "--version"])
      expect((await runCliCaptured([flag])).stdout.trim()).toBe(version);
    const verbose = await runCliCaptured(["-v"]);
    expect(verbose.stdout).not.toBe(`${version}\n`);
  });

  it("given compile -q, says nothing on stderr (no warnings, no report); given -v, also lists every file written", async () => {
    const out = mkdtempSync(join(tmpdir(), "amlpipe-verbose-"));
    const quiet = await runCliCaptured(["compile", "examples/demo/pipeline.ts", "-o", out, "-q"], {
      cwd: root,
    });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    const normal = await runCliCaptured(["compile", "examples/demo/pipeline.ts", "-o", out], { cwd: root });
    expect(normal.stderr).toContain("warning AP311");
    expect(normal.stderr).not.toContain("/pipeline.yaml\n");
    const verbose = await runCliCaptured(["--verbose", "compile", "examples/demo/pipeline.ts", "-o", out], {
      cwd: root,
    });
    expect(verbose.stderr).toMatch(/\n {2}\S+\/demo\/pipeline\.yaml\n/);
    expect(verbose.stderr).toMatch(/\n {2}\S+\/demo\/manifest\.json\n/);
  });

  it("given run -q, says only what failed: the failed step with its log's tail, not starts, successes or the summary", async () => {
    const dir = failing();
    const run = await runCliCaptured(["run", "p/pipeline.yaml", "-q", "-j", "1"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("- bad: FAILED");
    expect(run.stderr).toContain("| column label not found");
    expect(run.stderr).not.toContain("started");
    expect(run.stderr).not.toContain("- ok:");
    expect(run.stderr).not.toContain("warning");
    expect(run.stderr).not.toContain("run ");
  });

  it("given run -v, explains why each step ran or was reused", async () => {
    const dir = failing();
    const run = await runCliCaptured(["run", "p/pipeline.yaml", "-v"], { cwd: dir });
    expect(run.stderr).toMatch(/\n {2}ok: succeeded \(ran: /);
  });
});

describe("--no-color", () => {
  it("given a colour terminal and FORCE_COLOR, --no-color still writes diagnostics without escape codes", async () => {
    const args = [
      "compile",
      "examples/demo/pipeline.ts",
      "-o",
      mkdtempSync(join(tmpdir(), "amlpipe-color-")),
    ];
    const options = { cwd: root, env: { FORCE_COLOR: "1" }, stderrColors: true };
    const coloured = await runCliCaptured(args, options);
    expect(coloured.stderr).toContain("\x1b[");
    const plain = await runCliCaptured([...args, "--no-color"], options);
    expect(plain.stderr).toContain("warning AP311");
    expect(plain.stderr).not.toContain("\x1b[");
  });
});
