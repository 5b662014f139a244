import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

/** The names of a pipeline that become paths, each a placeholder in {@link pipelineYaml}. */
const NAME_KINDS = [
  "pipeline",
  "step",
  "input",
  "output",
  "destination",
  "datastore",
  "reference",
  "compute",
];
const HOSTILE = [".", "..", "../victim", "/tmp/abs", "a\\b", "a\u0000b", "x/../../y"];

function pipelineYaml(kind: string, bad: string): string {
  const name = (k: string, fallback: string) => JSON.stringify(k === kind ? bad : fallback);
  return [
    "pipeline:",
    `  name: ${name("pipeline", "p")}`,
    `  default_compute: ${name("compute", "cpu")}`,
    "  data_references:",
    `    ${name("reference", "raw")}:`,
    `      datastore: ${name("datastore", "store")}`,
    "      path_on_datastore: raw/data.csv",
    "  steps:",
    `    ${name("step", "prepare")}:`,
    "      type: PythonScriptStep",
    "      script_name: s.py",
    "      source_directory: steps",
    "      inputs:",
    `        ${name("input", "raw")}:`,
    `          source: ${name("reference", "raw")}`,
    "      outputs:",
    `        ${name("output", "clean")}:`,
    `          destination: ${name("destination", "clean_data")}`,
    "",
  ].join("\n");
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder inside a parent that holds a canary sibling, with canaries in it and in out/. */
function project(yaml: string): { dir: string; canaries: string[] } {
  const parent = mkdtempSync(join(tmpdir(), "amlpipe-untrusted-"));
  made.push(parent);
  const dir = join(parent, "project");
  mkdirSync(join(dir, "steps"), { recursive: true });
  mkdirSync(join(dir, "out", "other"), { recursive: true });
  mkdirSync(join(parent, "victim"), { recursive: true });
  writeFileSync(join(dir, "steps", "s.py"), "print('hi')\n");
  writeFileSync(join(dir, "p.yaml"), yaml);
  const canaries = [
    join(dir, "keep.txt"),
    join(dir, "out", "other", "keep.txt"),
    join(parent, "victim", "keep.txt"),
  ];
  for (const canary of canaries) writeFileSync(canary, "canary\n");
  return { dir, canaries };
}

describe("names that would become paths", () => {
  for (const kind of NAME_KINDS) {
    it(`given a ${kind} name of each hostile value, validate, compile and run refuse it with AP109 and touch nothing`, async () => {
      for (const bad of HOSTILE) {
        const { dir, canaries } = project(pipelineYaml(kind, bad));
        const validate = await runCliCaptured(["validate", "p.yaml", "--json"], { cwd: dir });
        const codes = (JSON.parse(validate.stdout) as { diagnostics: { code: string }[] }).diagnostics.map(
          (d) => d.code,
        );
        expect(validate.code, `${kind}=${JSON.stringify(bad)}`).toBe(1);
        expect(codes, `${kind}=${JSON.stringify(bad)}`).toContain("AP109");
        const compile = await runCliCaptured(["compile", "p.yaml", "-o", "out"], { cwd: dir });
        expect(compile.code).toBe(1);
        const run = await runCliCaptured(["run", "p.yaml", "--data", "raw=steps"], { cwd: dir });
        expect(run.code).toBe(1);
        for (const canary of canaries) expect(readFileSync(canary, "utf8"), canary).toBe("canary\n");
        expect(existsSync(join(dir, "out", "p")) && kind !== "pipeline").toBe(false);
      }
    });
  }

  it("given plain names, the same pipeline validates (the test above can only fail for the name)", async () => {
    const { dir } = project(pipelineYaml("none", ""));
    const validate = await runCliCaptured(["validate", "p.yaml", "--json"], { cwd: dir });
    const codes = (JSON.parse(validate.stdout) as { diagnostics: { code: string }[] }).diagnostics.map(
      (d) => d.code,
    );
    expect(codes).not.toContain("AP109");
    expect(validate.code).toBe(0);
  });
});

describe("files outside the project", () => {
  it("given a runconfig outside the project root, it is not read and none of its lines are printed", async () => {
    const { dir } = project(pipelineYaml("none", ""));
    writeFileSync(join(dir, "..", "credentials"), "aws_secret_access_key: CANARY-SECRET-123\n");
    const yaml = readFileSync(join(dir, "p.yaml"), "utf8").replace(
      "      source_directory: steps\n",
      "      source_directory: steps\n      runconfig: ../credentials\n",
    );
    writeFileSync(join(dir, "p.yaml"), yaml);
    for (const format of ["human", "json", "github"]) {
      const run = await runCliCaptured(["validate", "p.yaml", "--format", format], { cwd: dir });
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain("AP110");
      expect(`${run.stdout}${run.stderr}`).not.toContain("CANARY-SECRET-123");
    }
  });

  it("given a source_directory outside the project or absolute, AP110; --allow-outside lets a named folder in", async () => {
    for (const outside of ["../victim", "/etc"]) {
      const { dir } = project(
        pipelineYaml("none", "").replace("source_directory: steps", `source_directory: ${outside}`),
      );
      const validate = await runCliCaptured(["validate", "p.yaml", "--json"], { cwd: dir });
      expect(validate.stdout).toContain("AP110");
      // An absolute path is a file written on another machine: validate warns, run refuses.
      expect(validate.code).toBe(outside.startsWith("/") ? 0 : 1);
      const run = await runCliCaptured(["run", "p.yaml", "--data", "raw=steps"], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("AP110");
      expect(existsSync(join(dir, ".amlpipe", "runs"))).toBe(false);
    }
    const { dir } = project(
      pipelineYaml("none", "").replace("source_directory: steps", "source_directory: ../victim"),
    );
    writeFileSync(join(dir, "..", "victim", "s.py"), "print('hi')\n");
    const allowed = await runCliCaptured(["validate", "p.yaml", "--json", "--allow-outside", "../victim"], {
      cwd: dir,
    });
    expect(allowed.stdout).not.toContain("AP110");
  });

  it("given an absolute source_directory, compile writes a path that works: relative when inside the project, as written when not", async () => {
    const { dir } = project(pipelineYaml("none", ""));
    const inside = join(dir, "steps");
    for (const [written, expected] of [
      [inside, "source_directory: ../../steps"],
      ["/srv/elsewhere/steps", "source_directory: /srv/elsewhere/steps"],
    ] as const) {
      writeFileSync(
        join(dir, "p.yaml"),
        pipelineYaml("none", "").replace("source_directory: steps", `source_directory: ${written}`),
      );
      const compile = await runCliCaptured(["compile", "p.yaml", "-o", "out"], { cwd: dir });
      expect(compile.code, compile.stderr).toBe(0);
      expect(readFileSync(join(dir, "out", "p", "pipeline.yaml"), "utf8")).toContain(expected);
      expect(compile.stderr.includes("AP110")).toBe(written !== inside);
    }
  });

  it("given a path_on_datastore that climbs out with .., AP110", async () => {
    const { dir } = project(pipelineYaml("none", "").replace("raw/data.csv", "../../../etc/passwd"));
    const run = await runCliCaptured(["validate", "p.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("AP110");
  });

  it("given a manifest position naming /etc/passwd or a file outside, no code frame shows that file", async () => {
    const { dir } = project(pipelineYaml("none", "").replace("script_name: s.py", "script_name: missing.py"));
    writeFileSync(join(dir, "..", "secret.ts"), "const token = 'CANARY-SECRET-456';\n");
    for (const file of ["/etc/passwd", "../secret.ts"]) {
      writeFileSync(
        join(dir, "manifest.json"),
        JSON.stringify({ source: { file, line: 1, col: 1 }, steps: { prepare: { file, line: 1, col: 1 } } }),
      );
      const run = await runCliCaptured(["run", "p.yaml", "--data", "raw=steps"], { cwd: dir });
      expect(`${run.stdout}${run.stderr}`).not.toContain("root:");
      expect(`${run.stdout}${run.stderr}`).not.toContain("CANARY-SECRET-456");
    }
  });
});
