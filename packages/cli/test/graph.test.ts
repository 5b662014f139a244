import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;

describe("amlpipe graph", () => {
  it("given a pipeline, draws Mermaid with every step, coloured by compute kind, and data nodes", async () => {
    const run = await runCliCaptured(["graph", "examples/databricks/pipeline.ts"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("flowchart LR")).toBe(true);
    for (const step of ["clean_notebook", "featurize_script", "index_jar", "report"])
      expect(run.stdout).toContain(`${step}<br/>`);
    expect(run.stdout).toMatch(/classDef databricks fill:#/);
    expect(run.stdout).toContain('[("raw_text")]');
    expect(run.stdout).toContain("-.->|after|");
  });

  it("given --format svg, renders offline an SVG that names every step", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "amlpipe-graph-")), "dag.svg");
    const svg = await runCliCaptured(
      ["graph", "packages/compiler/test/fixtures/every-kind.ts", "--format", "svg", "-o", out],
      { cwd: root },
    );
    expect(svg.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("<svg");
    for (const step of [
      "copy_to_lake",
      "aggregate",
      "copy_to_blob",
      "featurize",
      "score",
      "train",
      "wordcount",
      "batch_score",
      "vm_check",
      "synapse_job",
      "explore",
    ]) {
      expect(text).toContain(`>${step}</text>`);
    }
  });

  it("given two versions, --diff lists added, removed and changed steps and edges; --exit-code gives 3, or 0 without changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-diff-"));
    const yaml = (steps: string) =>
      `pipeline:\n  name: p\n  default_compute: cpu\n  data_references:\n    raw: {datastore: blob, path_on_datastore: raw}\n  steps:\n${steps}`;
    const a =
      "    prep:\n      type: PythonScriptStep\n      script_name: prep.py\n      inputs: {i: {source: raw}}\n      outputs: {o: {destination: clean}}\n    old:\n      type: PythonScriptStep\n      script_name: old.py\n      inputs: {i: {source: clean}}\n";
    const b =
      "    prep:\n      type: PythonScriptStep\n      script_name: prep2.py\n      inputs: {i: {source: raw}}\n      outputs: {o: {destination: clean}}\n    new:\n      type: PythonScriptStep\n      script_name: new.py\n      inputs: {i: {source: clean}}\n";
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "a/pipeline.yaml"), yaml(a));
    writeFileSync(join(dir, "b/pipeline.yaml"), yaml(b));
    const run = await runCliCaptured(["graph", "--diff", "a", "b", "--exit-code", "--json"], { cwd: dir });
    expect(run.code).toBe(3);
    const diff = JSON.parse(run.stdout);
    expect(diff).toMatchObject({
      addedSteps: ["new"],
      removedSteps: ["old"],
      changedSteps: [{ step: "prep", fields: ["scriptName"] }],
    });
    expect(diff.addedEdges).toContain("clean -> new");
    expect(diff.removedEdges).toContain("clean -> old");
    const markdown = await runCliCaptured(["graph", "--diff", "a", "b"], { cwd: dir });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("- added step `new`");
    cpSync(join(dir, "a"), join(dir, "a2"), { recursive: true });
    expect((await runCliCaptured(["graph", "--diff", "a", "a2", "--exit-code"], { cwd: dir })).code).toBe(0);
  });

  it("given --diff with one input, exits 2 (usage)", async () => {
    expect((await runCliCaptured(["graph", "--diff", "x"], { cwd: root })).code).toBe(2);
  });
});

describe("graph -o into a folder that does not exist", () => {
  it("given -o with missing parent folders, creates them and writes the file (no stack trace)", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "amlpipe-graph-")), "deep", "er", "g.mmd");
    const root = new URL("../../..", import.meta.url).pathname;
    const run = await runCliCaptured(
      ["graph", "examples/demo/pipeline.ts", "--format", "mermaid", "-o", target],
      { cwd: root },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("prepare");
  });
});

describe("graph of an input with several pipelines", () => {
  it("given no --pipeline, refuses naming them; with --pipeline, draws that one", async () => {
    const root = new URL("../../..", import.meta.url).pathname;
    const run = await runCliCaptured(["graph", "examples", "--format", "mermaid"], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds \d+ pipelines .*choose one with --pipeline NAME/);
    const one = await runCliCaptured(["graph", "examples", "--format", "mermaid", "--pipeline", "demo"], {
      cwd: root,
    });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("prepare");
  });
});
