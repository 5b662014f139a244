import { readFileSync } from "node:fs";
import {
  compute,
  databricksStep,
  datastore,
  environment,
  param,
  pipeline,
  pythonScriptStep,
  type Secret,
} from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import { lowerPipeline } from "../src/index.js";

const root = new URL("../../..", import.meta.url).pathname;
const thisFile = "packages/compiler/test/lower-pipeline.test.ts";

function twoStepPipeline() {
  const store = datastore.blob("workspaceblobstore");
  const raw = store.path("raw/iris.csv", { name: "raw_data" });
  const cpu = compute.amlCluster("cpu-cluster", { vmSize: "STANDARD_D2_V2", maxNodes: 4 });
  const env = environment.conda("sk", { python: "3.10", pip: ["scikit-learn"] });
  const lr = param.float("lr", 0.1);
  const prep = pythonScriptStep("prep", { script: "prep.py", sourceDirectory: "steps" })
    .on(cpu)
    .environment(env)
    .input("raw", raw)
    .output("clean")
    .args(({ inputs, outputs }) => ["--in", inputs.raw, "--out", outputs.clean]);
  const train = pythonScriptStep("train", { script: "train.py", sourceDirectory: "steps" })
    .on(cpu)
    .input("data", prep.outputs.clean)
    .param("lr", lr)
    .args(({ params }) => ["--lr", params.lr]);
  return pipeline("two-step").defaultCompute(cpu).steps(train);
}

describe("lowerPipeline", () => {
  it("given a data reference with a bind mode, its inputs carry it (the SDK v1 loader ignores it on the reference)", () => {
    const store = datastore.blob("workspaceblobstore");
    const raw = store.path("raw", { name: "raw", bindMode: "download" });
    const cpu = compute.amlCluster("cpu");
    const a = pythonScriptStep("a", { script: "a.py" }).on(cpu).input("raw", raw);
    const b = pythonScriptStep("b", { script: "b.py" }).on(cpu).input("raw", raw, { bindMode: "mount" });
    const { ir } = lowerPipeline(pipeline("p").steps(a, b), { root });
    expect(ir.steps.map((s) => s.inputs[0]?.bindMode)).toEqual(["download", "mount"]);
    expect(ir.dataReferences[0]).not.toHaveProperty("bindMode");
  });

  it("given two steps connected by data, lowers both with the edge as a named intermediate", () => {
    const { ir, diagnostics } = lowerPipeline(twoStepPipeline(), { root });
    expect(diagnostics).toEqual([]);
    expect(ir?.steps.map((s) => s.key)).toEqual(["prep", "train"]);
    const [prep, train] = ir?.steps ?? [];
    expect(prep?.outputs[0]?.destination).toBe("prep_clean");
    expect(train?.inputs[0]?.from).toBe("prep_clean");
    expect(prep?.arguments).toEqual([
      "--in",
      { ref: "input", name: "raw" },
      "--out",
      { ref: "output", name: "clean" },
    ]);
    expect(train?.parameters[0]?.value).toEqual({ kind: "pipeline_parameter", parameter: "lr" });
    expect(ir?.parameters.map((p) => p.name)).toEqual(["lr"]);
    expect(ir?.dataReferences).toMatchObject([
      {
        kind: "datastore_path",
        name: "raw_data",
        datastore: "workspaceblobstore",
        pathOnDatastore: "raw/iris.csv",
      },
    ]);
    expect(ir?.computes).toHaveLength(1);
    expect(ir?.environments.map((e) => e.name)).toEqual(["sk"]);
  });

  it("given steps declared in this file, positions point at this file's lines and the source dir beside it", () => {
    const { ir } = lowerPipeline(twoStepPipeline(), { root });
    const prep = ir?.steps[0];
    expect(prep?.source.file).toBe(thisFile);
    const lines = readFileSync(new URL(import.meta.url), "utf8").split("\n");
    expect(prep?.source.line).toBe(lines.findIndex((l) => l.includes('pythonScriptStep("prep"')) + 1);
    expect(prep?.sourceDirectory).toBe("packages/compiler/test/steps");
    expect(JSON.stringify(ir)).not.toContain(root);
  });

  it("given a plain string where a secret belongs (untyped JS), keeps only its length", () => {
    const canary = "canary-secret-value-8d1f";
    const db = compute.databricks("dbx", {
      workspaceName: "ws",
      resourceGroup: "rg",
      accessToken: canary as unknown as Secret,
    });
    const step = databricksStep("nb", { notebookPath: "/Shared/x", numWorkers: 1 }).on(db);
    const { ir } = lowerPipeline(pipeline("p").steps(step), { root });
    expect(JSON.stringify(ir)).not.toContain(canary);
    expect(ir?.computes[0]).toMatchObject({
      kind: "databricks",
      accessToken: { kind: "inline", length: canary.length },
    });
  });
});

describe("an input bound to no data", () => {
  it("given an output read through an untyped record (undefined), reports AP201 at the .input() line instead of crashing", () => {
    const cpu = compute.amlCluster("cpu", { vmSize: "STANDARD_D2_V2", maxNodes: 1 });
    const prep = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).output("clean");
    const outputs: Record<string, unknown> = prep.outputs;
    const train = pythonScriptStep("train", { script: "t.py", sourceDirectory: "." }).input(
      "data",
      outputs.clen as never,
    );
    const { ir, diagnostics } = lowerPipeline(pipeline("p").defaultCompute(cpu).steps(prep, train), {
      root: process.cwd(),
    });
    expect(ir).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { code: "AP201", message: expect.stringContaining('input "data" of step "train"') },
    ]);
    expect(diagnostics[0]?.at?.file).toContain("lower-pipeline.test.ts");
  });
});
