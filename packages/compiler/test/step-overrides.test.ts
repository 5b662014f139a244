import { readFileSync } from "node:fs";
import { compute, pipeline, pythonScriptStep } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitV1, emitV2, lowerPipeline } from "../src/index.js";

const root = new URL("../../..", import.meta.url).pathname;
const options = { outputToRoot: "../..", toolVersion: "0.1.0", schemaDirectory: "../.schemas" };
const cpu = compute.amlCluster("cpu-cluster");
const base = () =>
  pythonScriptStep("train", { script: "train.py", sourceDirectory: "examples/aml-cluster/steps" }).on(cpu);
/** The line of this file that holds `text` (where the DSL records an override). */
const lineOf = (text: string) =>
  readFileSync(new URL(import.meta.url), "utf8")
    .split("\n")
    .findIndex((line) => line.includes(text)) + 1;

function lowered(step: ReturnType<typeof base>) {
  const { ir } = lowerPipeline(pipeline("overrides").steps(step), { root });
  if (!ir) throw new Error("does not lower");
  return ir;
}

describe("step.override(target, keys)", () => {
  it("given v1 keys, merges them into the step's v1 YAML as written, deeply, later calls winning", () => {
    const step = base()
      .override("v1", { name: "Train the model", allow_reuse: true })
      .override("v1", { allow_reuse: false });
    const { files, diagnostics } = emitV1(lowered(step), options);
    expect(diagnostics).toEqual([]);
    const yaml = parse(files.find((f) => f.path === "pipeline.yaml")?.text ?? "");
    expect(yaml.pipeline.steps.train).toMatchObject({ name: "Train the model", allow_reuse: false });
  });

  it("given v2 keys, merges them into the job node, and the v1 YAML is left as it was", () => {
    const step = base().override("v2", { resources: { shm_size: "8g" }, limits: { timeout: 3600 } });
    const ir = lowered(step);
    const v2 = emitV2(ir, options);
    expect(v2.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const job = parse(v2.files.find((f) => f.path === "pipeline.yaml")?.text ?? "").jobs.train;
    expect(job).toMatchObject({ resources: { shm_size: "8g" }, limits: { timeout: 3600 } });
    expect(emitV1(ir, options).files.find((f) => f.path === "pipeline.yaml")?.text).not.toContain("shm_size");
  });

  it("given a key the v1 schema does not have, reports AP101 at the override's line (not AP105, an amlpipe bug), naming the key", () => {
    const step = base().override("v1", { runconfig_parameters: { x: 1 } }); // unknown-v1-key
    const { diagnostics } = emitV1(lowered(step), options);
    expect(diagnostics).toMatchObject([
      {
        code: "AP101",
        message: expect.stringContaining('("runconfig_parameters")'),
        at: { line: lineOf("// unknown-v1-key") },
      },
    ]);
  });

  it("given a v2 value of the wrong type, reports AP101 at the override's line", () => {
    const step = base().override("v2", { resources: { shm_size: 8 } }); // wrong-v2-type
    const { diagnostics } = emitV2(lowered(step), options);
    expect(diagnostics.filter((d) => d.severity === "error")).toMatchObject([
      { code: "AP101", at: { line: lineOf("// wrong-v2-type") } },
    ]);
  });
});
