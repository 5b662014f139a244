import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPipeline, readSchedule } from "../src/index.js";
import { memoryHost } from "./support/memory-host.js";

const docsDir = new URL("./fixtures/docs/", import.meta.url);
const docs = readdirSync(docsDir).filter((f) => f.endsWith(".yaml"));

/**
 * The step keys of each documented example. The parameters and data references snippets are
 * fragments with no `steps:`, which the SDK v1 loader refuses (its model says "must have at least
 * one step defined"): AP101 says so, and they are read otherwise.
 */
const FRAGMENTS = new Set(["data-references.yaml", "parameters.yaml"]);

/** The step keys of each documented example. */
const DOCUMENTED_STEP_KEYS: Record<string, string[]> = {
  "adla-step.yaml": ["Step1"],
  "azure-batch-step.yaml": ["Step1"],
  "data-references.yaml": [],
  "data-transfer-step.yaml": ["Step1"],
  "databricks-step.yaml": ["Step1"],
  "multi-step.yaml": ["Dataprep", "Training"],
  "parallel-run-step.yaml": ["Step1"],
  "parameters.yaml": [],
  "python-script-step.yaml": ["Step1"],
};

function read(text: string, extra: Record<string, string> = {}) {
  return readPipeline({ path: "p/pipeline.yaml", host: memoryHost({ "p/pipeline.yaml": text, ...extra }) });
}

describe("readPipeline on the documented examples", () => {
  it("given the fixtures folder, it holds every example of the reference page", () => {
    expect(docs.filter((f) => !f.startsWith("schedule")).sort()).toEqual(Object.keys(DOCUMENTED_STEP_KEYS));
    expect(docs.filter((f) => f.startsWith("schedule")).sort()).toEqual([
      "schedule-datastore.yaml",
      "schedule-recurring.yaml",
    ]);
  });

  for (const file of docs.filter((f) => !f.startsWith("schedule"))) {
    it(`given the documented ${file}, reads it with no error (warnings allowed)`, () => {
      const text = readFileSync(new URL(file, docsDir), "utf8");
      const { ir, diagnostics } = readPipeline({
        path: `docs/${file}`,
        host: memoryHost({ [`docs/${file}`]: text }),
      });
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (FRAGMENTS.has(file))
        expect(errors.map((d) => [d.code, d.message.includes('no "steps:"')])).toEqual([["AP101", true]]);
      else expect(errors).toEqual([]);
      expect(ir?.steps.map((s) => s.key)).toEqual(DOCUMENTED_STEP_KEYS[file]);
    });
  }
  for (const file of docs.filter((f) => f.startsWith("schedule"))) {
    it(`given the documented ${file}, reads the schedule with no error`, () => {
      const text = readFileSync(new URL(file, docsDir), "utf8");
      const { schedule, diagnostics } = readSchedule({
        path: `docs/${file}`,
        host: memoryHost({ [`docs/${file}`]: text }),
      });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(schedule?.waitTimeout).toBe(3600);
    });
  }

  it("given continue_on_step_failure: None (as the documented schedules write it), warns at the key that Azure ML reads it as true", () => {
    const file = docs.find((f) => f.startsWith("schedule")) as string;
    const text = readFileSync(new URL(file, docsDir), "utf8");
    expect(text).toContain("continue_on_step_failure: None");
    const { diagnostics } = readSchedule({
      path: `docs/${file}`,
      host: memoryHost({ [`docs/${file}`]: text }),
    });
    const line = text.split("\n").findIndex((l) => l.includes("continue_on_step_failure")) + 1;
    expect(diagnostics.filter((d) => d.message.includes("continue_on_step_failure"))).toMatchObject([
      { code: "AP406", severity: "warning", at: { line }, message: expect.stringContaining("reads as true") },
    ]);
    const fixed = readSchedule({
      path: "s.yaml",
      host: memoryHost({
        "s.yaml": text.replace("continue_on_step_failure: None", "continue_on_step_failure: false"),
      }),
    });
    expect(fixed.diagnostics.filter((d) => d.message.includes("continue_on_step_failure"))).toEqual([]);
  });

  it("given Windows source paths and `True`, normalises the path and reads the boolean", () => {
    const text = readFileSync(new URL("python-script-step.yaml", docsDir), "utf8");
    const { ir, diagnostics } = readPipeline({
      path: "python-script-step.yaml",
      host: memoryHost({ "python-script-step.yaml": text }),
    });
    const step = ir?.steps[0];
    expect(step?.sourceDirectory).toBe("D:/scripts/PythonScript");
    expect(step?.allowReuse).toBe(true);
    expect(step?.parameters).toMatchObject([
      { name: "NUM_ITERATIONS_2", value: { kind: "pipeline_parameter", parameter: "PipelineParam1" } },
      { name: "NUM_ITERATIONS_1", value: { kind: "literal", value: 7 } },
    ]);
    // Written on another machine: the absolute runconfig and folder are not read, which validate
    // reports as warnings (AP110), never as a read of some other file on this machine.
    const notRead = diagnostics.filter((d) => d.code === "AP110");
    expect(notRead.length).toBeGreaterThan(0);
    expect(notRead.every((d) => d.severity === "warning")).toBe(true);
  });

  it("given `adla_compute_name`, warns AP102 at its line that the loader ignores it", () => {
    const text = readFileSync(new URL("data-transfer-step.yaml", docsDir), "utf8");
    const { diagnostics } = readPipeline({ path: "dt.yaml", host: memoryHost({ "dt.yaml": text }) });
    const warning = diagnostics.find((d) => d.code === "AP102" && d.message.includes("adla_compute_name"));
    expect(warning?.at?.line).toBe(text.split("\n").findIndex((l) => l.includes("adla_compute_name")) + 1);
    expect(warning?.hint).toContain("compute:");
  });

  it("given `parameters` on a DataTransferStep, warns AP102 that the loader does not pass them to the step", () => {
    const text = readFileSync(new URL("data-transfer-step.yaml", docsDir), "utf8");
    const { ir, diagnostics } = readPipeline({ path: "dt.yaml", host: memoryHost({ "dt.yaml": text }) });
    const warning = diagnostics.find((d) => d.code === "AP102" && d.message.includes('"parameters"'));
    expect(warning?.message).toContain("does not pass them to the step");
    expect(warning?.at?.line).toBe(
      text.split("\n").findIndex((l, i) => i > 15 && l.includes("parameters:")) + 1,
    );
    expect(ir?.steps[0]?.parameters).toEqual([]);
  });
});

describe("readPipeline on mistakes", () => {
  it("given bind_mode on a data reference, warns AP102 at it: the SDK v1 loader ignores it there", () => {
    const { diagnostics } = read(
      "pipeline:\n  name: p\n  data_references:\n    raw:\n      datastore: ws\n      path_on_datastore: x\n      bind_mode: download\n  steps: {}\n",
    );
    expect(diagnostics.find((d) => d.code === "AP102")).toMatchObject({
      severity: "warning",
      at: { line: 7 },
    });
  });

  const batch = (value: string) =>
    read(
      `pipeline:\n  name: p\n  default_compute: b\n  steps:\n    s:\n      type: AzureBatchStep\n      executable: run.cmd\n      pool_id: p\n      target_compute_nodes: ${value}\n`,
    );

  it("given target_compute_nodes as a number, reports AP101 at its line: the SDK v1 loader refuses it", () => {
    const found = batch("2").diagnostics.filter((d) => d.code === "AP101");
    expect(found).toMatchObject([{ severity: "error", at: { line: 9 } }]);
    expect(found[0]?.message).toContain("must be a boolean");
  });

  it("given target_compute_nodes as a boolean (what the loader lets through), warns it is not carried", () => {
    const { diagnostics } = batch("true");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(
      diagnostics.find((d) => d.code === "AP103" && d.message.includes("target_compute_nodes"))?.at?.line,
    ).toBe(9);
  });

  it("given broken YAML, reports AP100 with the line", () => {
    const { ir, diagnostics } = read("pipeline:\n  steps:\n    a: [1\n");
    expect(ir).toBeUndefined();
    expect(diagnostics[0]?.code).toBe("AP100");
    expect(diagnostics[0]?.at?.line).toBeGreaterThanOrEqual(3);
  });

  it("given a number where a boolean belongs, reports AP101 at that line and reads on", () => {
    const { ir, diagnostics } = read(
      "pipeline:\n  name: p\n  steps:\n    a:\n      type: PythonScriptStep\n      script_name: a.py\n      allow_reuse: 5\n",
    );
    expect(diagnostics.filter((d) => d.code !== "AP103")).toMatchObject([
      { code: "AP101", at: { line: 7, yamlPath: "pipeline.steps.a.allow_reuse" } },
    ]);
    expect(ir?.steps).toHaveLength(1);
  });

  it("given an unsupported step type, reports AP106", () => {
    const { diagnostics } = read("pipeline:\n  steps:\n    a:\n      type: HyperDriveStep\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["AP106"]);
  });

  it("given the DatabricsStep misspelling, reads a DatabricksStep with AP103", () => {
    const { ir, diagnostics } = read(
      "pipeline:\n  steps:\n    a:\n      type: DatabricsStep\n      notebook_path: /x\n",
    );
    expect(ir?.steps[0]?.type).toBe("DatabricksStep");
    expect(diagnostics.map((d) => d.code)).toEqual(["AP103"]);
  });

  it("given an input with no source, says what it needs", () => {
    const { diagnostics } = read(
      "pipeline:\n  steps:\n    a:\n      type: PythonScriptStep\n      script_name: a.py\n      inputs:\n        x: {bind_mode: mount}\n",
    );
    expect(diagnostics[0]?.message).toContain('needs a "source"');
  });

  it("given a schedule document where a pipeline is expected, says so", () => {
    const { diagnostics } = read("Schedule:\n  description: x\n");
    expect(diagnostics[0]?.message).toContain("schedule document");
  });
});
