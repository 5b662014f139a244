import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

// Inside the package, so `@amlpipe/dsl` resolves for the loader and for TypeScript alike.
const scratch = new URL("../.tmp/typecheck/", import.meta.url).pathname;

/** A folder of `files` (name -> text) with a step script, fresh for each case. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "p.py"), "print(1)\n");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const HEADER = `import { compute, environment, param, pipeline, pythonScriptStep } from "@amlpipe/dsl";
const cpu = compute.amlCluster("cpu-cluster", { maxNodes: 2 });
`;
/** A pipeline whose environment's pip list is written as a string (line 3, column 62 holds it). */
const PIP_STRING = `${HEADER}const env = environment.conda("train-env", { python: "3.11", pip: "scikit-learn" });
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).on(cpu).environment(env);
export default pipeline("pip-string").steps(s);
`;
const CLEAN = `${HEADER}const rate = param.float("rate", 0.5);
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." })
  .on(cpu)
  .param("rate", rate)
  .args(({ params }) => ["--rate", params.rate]);
export default pipeline("clean").parameters(rate).steps(s);
`;
/** `params.rate` read with no `.param("rate")`: a type error, which reached the compiler as AP105. */
const UNDECLARED_PARAM = `${HEADER}const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." })
  .on(cpu)
  .args(({ params }) => ["--rate", params.rate]);
export default pipeline("undeclared").steps(s);
`;

const codes = (stdout: string): { code: string; at?: { line: number; col: number } }[] =>
  JSON.parse(stdout).diagnostics;

describe("validate type-checks the modules it loads (AP905)", () => {
  it("given pip as a string, reports TS2322 at its line and column, exit 1; --no-typecheck does not", async () => {
    const dir = project("pip-string", { "bad.pipeline.ts": PIP_STRING });
    const run = await runCliCaptured(["validate", "bad.pipeline.ts", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    // One cause, one diagnostic: not also AP113 for the string that reached the compiler.
    expect(codes(run.stdout).map((d) => d.code)).toEqual(["AP905"]);
    const found = codes(run.stdout).filter((d) => d.code === "AP905");
    expect(found).toMatchObject([{ at: { file: "bad.pipeline.ts", line: 3, col: 62 } }]);
    expect(JSON.stringify(found)).toContain(
      "TS2322: Type 'string' is not assignable to type 'readonly string[]'",
    );
    const skipped = await runCliCaptured(["validate", "bad.pipeline.ts", "--json", "--no-typecheck"], {
      cwd: dir,
    });
    expect(codes(skipped.stdout).map((d) => d.code)).not.toContain("AP905");
  });

  it("given a clean module, reports nothing and exits 0", async () => {
    const dir = project("clean", { "clean.pipeline.ts": CLEAN });
    const run = await runCliCaptured(["validate", "clean.pipeline.ts", "--json"], { cwd: dir });
    expect(run.code, run.stdout).toBe(0);
    expect(codes(run.stdout)).toEqual([]);
  });

  it("given an ES module using import.meta and top-level await, checks it as an ES module (no TS1470 or TS1378)", async () => {
    const module = `${HEADER}const here = new URL(".", import.meta.url).pathname;
const rows = await Promise.resolve(100);
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).on(cpu).args(["--rows", rows]);
export default pipeline(here.length > 0 ? "esm" : "never").steps(s);
`;
    const dir = project("esm", { "esm.pipeline.ts": module });
    const run = await runCliCaptured(["validate", "esm.pipeline.ts", "--json"], { cwd: dir });
    expect(codes(run.stdout), run.stdout).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("given params.x with no .param(x), reports the type error at the user's line, not AP105 (an amlpipe bug) at the export", async () => {
    const dir = project("undeclared", { "undeclared.pipeline.ts": UNDECLARED_PARAM });
    const run = await runCliCaptured(["validate", "undeclared.pipeline.ts", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const found = codes(run.stdout);
    expect(found.map((d) => d.code)).not.toContain("AP105");
    expect(found.find((d) => d.code === "AP905")?.at?.line).toBe(5);
  });

  it("given the user's tsconfig.json, checks under its options: implicit any is an error by default, not where strict is off", async () => {
    const module = `${HEADER}function twice(x) { return [x, x]; }
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).on(cpu).args(() => twice("a"));
export default pipeline("loose").steps(s);
`;
    const strict = project("strict", { "loose.pipeline.ts": module });
    const run = await runCliCaptured(["validate", "loose.pipeline.ts", "--json"], { cwd: strict });
    expect(JSON.stringify(codes(run.stdout))).toContain("TS7006");
    const tsconfig = {
      compilerOptions: {
        strict: false,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        skipLibCheck: true,
      },
      include: ["*.ts"],
    };
    const loose = project("loose", {
      "loose.pipeline.ts": module,
      "tsconfig.json": JSON.stringify(tsconfig),
    });
    const relaxed = await runCliCaptured(["validate", "loose.pipeline.ts", "--json"], { cwd: loose });
    expect(relaxed.code, relaxed.stdout).toBe(0);
  });

  it("given a malformed tsconfig.json, reports it at the tsconfig's own path from the project root, not as a bare name", async () => {
    const dir = project("bad-config", {
      "sub/clean.pipeline.ts": CLEAN,
      "sub/tsconfig.json": "{ compilerOptions: ",
    });
    const run = await runCliCaptured(["validate", "sub/clean.pipeline.ts", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(codes(run.stdout).filter((d) => d.code === "AP905")).toMatchObject([
      { at: { file: "sub/tsconfig.json" } },
    ]);
  });

  it("given a module that imports a package that is not installed, reports it once (AP900), not again as a type error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-typecheck-"));
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    writeFileSync(join(dir, "lone.pipeline.ts"), CLEAN);
    const run = await runCliCaptured(["validate", "lone.pipeline.ts", "--json"], { cwd: dir });
    expect(codes(run.stdout).map((d) => d.code)).toEqual(["AP900"]);
  });
});

describe("compile --typecheck", () => {
  it("given a type error, compile without --typecheck still blames the user's line for the value it sees (AP113, not AP105), and with it reports the type error; neither writes the pipeline", async () => {
    const dir = project("compile", { "bad.pipeline.ts": PIP_STRING });
    const plain = await runCliCaptured(["compile", "bad.pipeline.ts", "-o", "out", "--json"], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(codes(plain.stdout)).toMatchObject([{ code: "AP113", at: { line: 3 } }]);
    const checked = await runCliCaptured(["compile", "bad.pipeline.ts", "-o", "out", "--typecheck"], {
      cwd: dir,
    });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("AP905");
    expect(existsSync(join(dir, "out", "pip-string", "pipeline.yaml"))).toBe(false);
  });

  it("given a compute setting of the wrong type and no type check, reports AP101 at the compute's line, not AP105 at the export", async () => {
    const module = `import { compute, pipeline, pythonScriptStep } from "@amlpipe/dsl";
const cpu = compute.amlCluster("cpu-cluster", { maxNodes: "4" as unknown as number });
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).on(cpu);
export default pipeline("nodes").steps(s);
`;
    const dir = project("max-nodes", { "nodes.pipeline.ts": module });
    const run = await runCliCaptured(["compile", "nodes.pipeline.ts", "-o", "out", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(codes(run.stdout)).toMatchObject([{ code: "AP101", at: { line: 2 } }]);
  });
});
