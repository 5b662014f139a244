import { describe, expect, it } from "vitest";
import { readPipeline } from "../src/index.js";
import { memoryHost } from "./support/memory-host.js";

/** Reads `lines` (joined) as `p/pipeline.yaml`, with `extra` files beside it. */
function read(lines: readonly string[], extra: Record<string, string> = {}, severity?: "error" | "warning") {
  const text = `${lines.join("\n")}\n`;
  return readPipeline({
    path: "p/pipeline.yaml",
    host: memoryHost({ "p/pipeline.yaml": text, ...extra }),
    ...(severity ? { missingFileSeverity: severity } : {}),
  });
}

/** The 1-based line of the first of `lines` that contains `needle`. */
const lineOf = (lines: readonly string[], needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

describe("readPipeline accepts the format's looseness", () => {
  it("given quoted numbers and booleans where the SDK v1 loader checks the type, AP101 at each (the loader refuses them); TRUE is a boolean", () => {
    const lines = [
      "pipeline:",
      "  steps:",
      "    db:",
      "      type: DatabricksStep",
      "      compute: dbx",
      "      notebook_path: /Users/me/nb",
      '      num_workers: "2"',
      '      allow_reuse: "false"',
      "    adla:",
      "      type: AdlaStep",
      "      compute: lake",
      "      script_name: s.usql",
      "      priority: '100'",
      "      allow_reuse: TRUE",
    ];
    const { ir, diagnostics } = read(lines);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.at?.line).sort()).toEqual(
      [lineOf(lines, "num_workers"), lineOf(lines, '"false"'), lineOf(lines, "priority")].sort(),
    );
    expect(errors.every((d) => d.code === "AP101" && d.message.includes("the SDK v1 loader refuses"))).toBe(
      true,
    );
    expect(ir?.steps[1]).toMatchObject({ type: "AdlaStep", allowReuse: true });
  });

  it("given an unquoted number or boolean in arguments (the loader crashes on it), AP101 at its line says to quote it", () => {
    const lines = [
      "pipeline:",
      "  steps:",
      "    train:",
      "      type: PythonScriptStep",
      "      script_name: train.py",
      "      arguments:",
      "        - --epochs",
      "        - 5",
      '        - "7"',
      "        - true",
    ];
    const { ir, diagnostics } = read(lines);
    const flagged = diagnostics.filter((d) => d.code === "AP101");
    expect(flagged.map((d) => d.at?.line)).toEqual([lineOf(lines, "- 5"), lineOf(lines, "- true")]);
    expect(flagged[0]?.hint).toBe('quote it: "5"');
    expect(ir?.steps[0]?.arguments).toEqual(["--epochs", "5", "7", "true"]);
  });

  it("given `compute_target` on a step, warns AP102 at that key's line and keeps reading", () => {
    const lines = [
      "pipeline:",
      "  steps:",
      "    a:",
      "      type: PythonScriptStep",
      "      script_name: a.py",
      "      compute_target: cpu",
    ];
    const { ir, diagnostics } = read(lines);
    const warning = diagnostics.find((d) => d.code === "AP102");
    expect(warning).toMatchObject({ severity: "warning", at: { line: lineOf(lines, "compute_target") } });
    expect(ir?.steps).toHaveLength(1);
  });

  it("given `type` on an input and `data_reference` (singular), warns AP103 for each at its line", () => {
    const lines = [
      "pipeline:",
      "  data_reference:",
      "    raw: {datastore: blob, path_on_datastore: raw}",
      "  steps:",
      "    a:",
      "      type: PythonScriptStep",
      "      script_name: a.py",
      "      inputs:",
      "        raw: {source: raw, type: download}",
    ];
    const { ir, diagnostics } = read(lines);
    const deprecations = diagnostics.filter((d) => d.code === "AP103");
    expect(deprecations.map((d) => d.at?.line).sort()).toEqual(
      [lineOf(lines, "data_reference:"), lineOf(lines, "type: download")].sort(),
    );
    expect(ir?.dataReferences.map((r) => r.name)).toEqual(["raw"]);
    expect(ir?.steps[0]?.inputs[0]).toMatchObject({ from: "raw", bindMode: "download" });
  });

  it("given a runconfig that is missing and severity error (run, submit), reports AP104 as an error at the key", () => {
    const lines = [
      "pipeline:",
      "  steps:",
      "    a:",
      "      type: PythonScriptStep",
      "      script_name: a.py",
      "      runconfig: runconfigs/nowhere.yml",
    ];
    const { diagnostics } = read(lines, {}, "error");
    const missing = diagnostics.find((d) => d.code === "AP104" && d.message.includes("nowhere.yml"));
    expect(missing).toMatchObject({ severity: "error", at: { line: lineOf(lines, "runconfig:") } });
  });

  it("given a runconfig beside the pipeline, reads its environment and framework into the IR", () => {
    const runconfig = [
      "framework: PySpark",
      "target: hdi",
      "environment:",
      "  name: spark-env",
      "  python:",
      "    userManagedDependencies: true",
      "    interpreterPath: /usr/bin/python3",
    ].join("\n");
    const { ir, diagnostics } = read(
      [
        "pipeline:",
        "  steps:",
        "    a:",
        "      type: PythonScriptStep",
        "      compute: hdi",
        "      script_name: a.py",
        "      runconfig: runconfigs/spark.yml",
      ],
      { "p/runconfigs/spark.yml": runconfig },
    );
    expect(diagnostics.filter((d) => d.code !== "AP104")).toEqual([]);
    expect(ir?.environments).toMatchObject([{ name: "spark-env", kind: "user_managed" }]);
    expect(ir?.steps[0]).toMatchObject({ environment: "spark-env", framework: "pyspark" });
  });

  it("given computes and datastores named without specs beside the pipeline, reads them as kind unknown", () => {
    const { ir } = read([
      "pipeline:",
      "  default_compute: cpu",
      "  data_references:",
      "    raw: {datastore: blob, path_on_datastore: raw}",
      "  steps:",
      "    a: {type: PythonScriptStep, script_name: a.py}",
    ]);
    expect(ir?.computes).toMatchObject([{ name: "cpu", kind: "unknown" }]);
    expect(ir?.datastores).toMatchObject([{ name: "blob", kind: "unknown" }]);
  });
});

describe("readPipeline never throws", () => {
  const odd = [
    "",
    "~",
    "- 1\n- 2",
    "pipeline: 3",
    "pipeline:\n  steps: [1, 2]",
    "pipeline:\n  steps:\n    a: null",
    "pipeline:\n  steps:\n    a: {type: [1]}",
    "pipeline:\n  steps:\n    a: {type: PythonScriptStep, inputs: 5, outputs: [x], arguments: {a: 1}}",
    "pipeline:\n  parameters: {p: {type: datapath, default: 7}}",
    "pipeline: &a\n  steps: *a",
    "pipeline:\n  !!binary aGVsbG8=: x",
    "\t- bad indentation",
    "a: b: c",
    "pipeline:\n  steps:\n    a:\n      type: PythonScriptStep\n      runconfig: {x: 1}",
  ];
  for (const text of odd) {
    it(`given ${JSON.stringify(text).slice(0, 60)}, ends in diagnostics, not an exception`, () => {
      const result = read([text]);
      expect(Array.isArray(result.diagnostics)).toBe(true);
      expect(result.diagnostics.every((d) => /^AP\d{3}$/.test(d.code))).toBe(true);
      expect(result.diagnostics.some((d) => d.message.startsWith("the reader failed"))).toBe(false);
    });
  }
});

describe("readPipeline on the deprecated pipeline `name`", () => {
  const lines = [
    "pipeline:",
    "  name: nightly",
    "  steps:",
    "    a: {type: PythonScriptStep, script_name: a.py}",
  ];

  it("given a hand-written file with `name`, warns AP103 at that line and keeps it as the pipeline name", () => {
    const { ir, diagnostics } = read(lines);
    expect(diagnostics.filter((d) => d.code === "AP103")).toMatchObject([
      { severity: "warning", at: { line: 2 } },
    ]);
    expect(ir?.name).toBe("nightly");
  });

  it("given amlpipe's own output (a manifest beside it), does not warn about the `name` it wrote", () => {
    const { diagnostics } = read(lines, { "p/manifest.json": '{"pipeline": "nightly", "steps": {}}' });
    expect(diagnostics.filter((d) => d.code === "AP103")).toEqual([]);
  });
});

describe("readPipeline in a compiled directory", () => {
  const pipeline = [
    "pipeline:",
    "  steps:",
    "    a: {type: PythonScriptStep, script_name: a.py, compute: ../../x}",
  ];

  it("given a compute name with path characters, reads the spec from its safe file name inside computes/", () => {
    const spec = "compute:\n  name: ../../x\n  kind: aml_cluster\n";
    const { ir } = read(pipeline, { "p/computes/.._.._x.yaml": spec, "x.yaml": "compute: {kind: local}" });
    expect(ir?.computes).toMatchObject([{ name: "../../x", kind: "aml_cluster" }]);
  });

  it("given a manifest.json that is valid JSON but not an object, ignores it without failing", () => {
    for (const manifest of ["null", "5", "[1]", '{"steps": null, "schedules": "x"}']) {
      const { ir, diagnostics } = read(pipeline, { "p/manifest.json": manifest });
      expect(ir?.steps).toHaveLength(1);
      expect(diagnostics.some((d) => d.message.startsWith("the reader failed"))).toBe(false);
    }
  });
});

describe("readPipeline on duplicate keys", () => {
  it("given a step key written twice, reports AP100 at the second one", () => {
    const lines = [
      "pipeline:",
      "  steps:",
      "    a: {type: PythonScriptStep, script_name: a.py}",
      "    b: {type: PythonScriptStep, script_name: b.py}",
      "    a: {type: PythonScriptStep, script_name: c.py}",
    ];
    const { ir, diagnostics } = read(lines);
    expect(ir).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: "AP100", severity: "error", at: { line: 5, col: 5 } }]);
    expect(diagnostics[0]?.message).toContain('"a"');
  });

  it("given equal-looking keys of different types (1 and '1'), reads them as two keys", () => {
    const { diagnostics } = read([
      "pipeline:",
      "  parameters:",
      "    1: {type: int, default: 1}",
      "    '1': {type: int, default: 2}",
      "  steps:",
      "    a: {type: PythonScriptStep, script_name: a.py}",
    ]);
    expect(diagnostics.filter((d) => d.code === "AP100")).toEqual([]);
  });
});
