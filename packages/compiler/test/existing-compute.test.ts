import { readFileSync } from "node:fs";
import { adlaStep, compute, datastore, pipeline, pythonScriptStep } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import {
  checkPipeline,
  emitV1,
  emitV2,
  isExistingCompute,
  lowerPipeline,
  readPipeline,
} from "../src/index.js";
import { hostForCompiled } from "./support/memory-host.js";

const root = new URL("../../..", import.meta.url).pathname;
const options = { outputToRoot: "../..", toolVersion: "0.1.0", schemaDirectory: "../.schemas" };

/** A pipeline on two computes the workspace already has: a cluster, and an ADLA account reading blob data. */
function onExistingComputes() {
  const blob = datastore.blob("workspaceblobstore");
  const gpu = compute.existing("gpu-cluster", "aml_cluster");
  const adla = compute.existing("team-adla", "adla");
  const prep = pythonScriptStep("prep", { script: "prep.py", sourceDirectory: "examples/demo/steps" })
    .on(gpu)
    .input("raw", blob.path("raw/x.csv", { name: "raw" }))
    .output("clean");
  const usql = adlaStep("usql", { script: "q.usql", sourceDirectory: "examples/adla/steps" })
    .on(adla)
    .input("data", blob.path("logs/x.tsv", { name: "logs" }));
  return pipeline("existing").steps(prep, usql);
}

describe("compute.existing", () => {
  const { ir } = lowerPipeline(onExistingComputes(), { root });
  if (!ir) throw new Error("fixture does not lower");

  it("given existing computes, lowers each to its name and kind only, at the user's line", () => {
    expect(ir.computes.map((c) => ({ name: c.name, kind: c.kind, existing: isExistingCompute(c) }))).toEqual([
      { name: "gpu-cluster", kind: "aml_cluster", existing: true },
      { name: "team-adla", kind: "adla", existing: true },
    ]);
    expect(Object.keys(ir.computes[0] ?? {}).sort()).toEqual(["existing", "kind", "name", "source"]);
    const line =
      readFileSync(new URL(import.meta.url), "utf8")
        .split("\n")
        .findIndex((text) => text.includes('compute.existing("gpu-cluster"')) + 1;
    expect(ir.computes[0]?.source).toMatchObject({
      file: "packages/compiler/test/existing-compute.test.ts",
      line,
    });
  });

  it("given an existing ADLA account, AP301 leaves its default store to submit's live check (AP800)", () => {
    expect(checkPipeline(ir).map((d) => d.code)).not.toContain("AP301");
  });

  it("given them, the attach spec says existing and nothing else, passes the shipped schema, and reads back to the same IR", () => {
    const { files, diagnostics } = emitV1(ir, options);
    expect(diagnostics).toEqual([]);
    const spec = files.find((f) => f.path === "computes/gpu-cluster.yaml")?.text;
    expect(spec?.split("\n").slice(1).join("\n")).toBe(
      "compute:\n  name: gpu-cluster\n  kind: aml_cluster\n  existing: true\n",
    );
    const read = readPipeline({ path: "out/p/pipeline.yaml", host: hostForCompiled("out/p", files) });
    expect(read.ir?.computes.map((c) => [c.name, c.kind, isExistingCompute(c)])).toEqual([
      ["gpu-cluster", "aml_cluster", true],
      ["team-adla", "adla", true],
    ]);
    expect(read.ir && emitV1(read.ir, options).files).toEqual(files);
  });

  it("given the v2 target, jobs name the compute as azureml:<name>", () => {
    const { files } = emitV2(
      { ...ir, steps: ir.steps.filter((s) => s.type === "PythonScriptStep") },
      options,
    );
    expect(files.find((f) => f.path === "pipeline.yaml")?.text).toContain("compute: azureml:gpu-cluster");
  });
});
