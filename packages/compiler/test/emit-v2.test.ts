import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import amlCluster from "../../../examples/aml-cluster/pipeline.js";
import dataTransfer from "../../../examples/data-transfer/pipeline.js";
import demo from "../../../examples/demo/pipeline.js";
import hdinsight from "../../../examples/hdinsight/pipeline.js";
import remoteVm from "../../../examples/remote-vm/pipeline.js";
import { emitV2, lowerPipeline, toV2Jobs, validateDocument } from "../src/index.js";
import { validIR } from "./support/valid-ir.js";

const root = new URL("../../..", import.meta.url).pathname;
const options = {
  outputToRoot: "../..",
  toolVersion: "0.1.0",
  schemaDirectory: "../../packages/compiler/schemas",
};

describe("v2 target", () => {
  for (const [name, pipeline] of Object.entries({ amlCluster, dataTransfer, remoteVm })) {
    it(`given the ${name} example (command and data_transfer jobs), writes a v2 pipeline job matching its golden file and the schema`, () => {
      const { ir } = lowerPipeline(pipeline, { root });
      if (!ir) throw new Error("no IR");
      const { files, diagnostics } = emitV2(ir, options);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const yaml = files.find((f) => f.path === "pipeline.yaml")?.text ?? "";
      const golden = new URL(`./golden-v2/${name}.yaml`, import.meta.url);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
        mkdirSync(dirname(golden.pathname), { recursive: true });
        writeFileSync(golden, yaml);
      }
      expect(yaml).toBe(readFileSync(golden, "utf8"));
      expect(validateDocument("pipeline-job.v2.schema.json", parse(yaml))).toEqual([]);
    });
  }

  it("given the data-transfer example (a copy on an attached Data Factory), writes the copy and warns that v2 copies there are unproven (AP706)", () => {
    const { ir } = lowerPipeline(dataTransfer, { root });
    if (!ir) throw new Error("no IR");
    const warnings = emitV2(ir, options).diagnostics.filter((d) => d.code === "AP706");
    expect(warnings.map((d) => [d.severity, d.at?.file.endsWith("pipeline.ts")])).toEqual([
      ["warning", true],
      ["warning", true],
    ]);
    const { ir: cluster } = lowerPipeline(amlCluster, { root });
    expect(
      emitV2(cluster as NonNullable<typeof cluster>, options).diagnostics.some((d) => d.code === "AP706"),
    ).toBe(false);
  });

  it("given examples with no faithful v2 form (the demo on local, Spark on HDInsight), refuses with a code at the step's line and writes no file", () => {
    for (const [pipeline, code] of [
      [demo, "AP702"],
      [hdinsight, "AP704"],
    ] as const) {
      const { ir } = lowerPipeline(pipeline, { root });
      if (!ir) throw new Error("no IR");
      const { files, diagnostics } = emitV2(ir, options);
      const errors = diagnostics.filter((d) => d.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((d) => d.code === code && d.at?.file.endsWith("pipeline.ts"))).toBe(true);
      expect(files.find((f) => f.path === "pipeline.yaml")).toBeUndefined();
    }
  });

  it("given a Spark step on Synapse, writes direct modes only; a step with no environment gets the base image and AP705", () => {
    const ir = validIR();
    const synapse = {
      kind: "synapse_spark" as const,
      name: "syn",
      source: ir.source,
      resourceId:
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Synapse/workspaces/w/bigDataPools/p",
    };
    const spark = {
      type: "PythonScriptStep" as const,
      key: "wordcount",
      name: "wordcount",
      source: ir.source,
      compute: "syn",
      scriptName: "wc.py",
      sourceDirectory: "steps",
      arguments: [],
      parameters: [],
      inputs: [{ name: "text", from: "raw", source: ir.source }],
      outputs: [{ name: "counts", destination: "counts", source: ir.source }],
      allowReuse: true,
      after: [],
    };
    const { jobs, diagnostics } = toV2Jobs(
      { ...ir, computes: [...ir.computes, synapse], steps: [spark] },
      { outputToRoot: "." },
    );
    expect(jobs.wordcount).toMatchObject({
      type: "spark",
      inputs: { text: { mode: "direct" } },
      outputs: { counts: { mode: "direct" } },
    });
    const command = toV2Jobs({ ...ir, steps: [{ ...spark, compute: "cpu" }] }, { outputToRoot: "." });
    expect(command.jobs.wordcount).toMatchObject({
      type: "command",
      environment: { image: expect.stringContaining("azureml") },
    });
    expect(command.diagnostics.map((d) => d.code)).toContain("AP705");
    expect(diagnostics.map((d) => d.code)).not.toContain("AP704");
  });

  it("given what azure-ai-ml refuses, the shipped v2 schema refuses it too", () => {
    const base = {
      $schema: "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json",
      type: "pipeline",
      display_name: "p",
    };
    const refused = (job: Record<string, unknown>, settings?: Record<string, unknown>) =>
      validateDocument("pipeline-job.v2.schema.json", {
        ...base,
        ...(settings ? { settings } : {}),
        jobs: { a: job },
      }).length > 0;
    const env = "azureml:AzureML-sklearn-1.5@latest";
    expect(refused({ type: "command", command: "python x.py", environment: env })).toBe(false);
    expect(refused({ type: "command", command: "python x.py" })).toBe(true);
    expect(refused({ type: "command", command: "python x.py", environment: env, compute: "local" })).toBe(
      true,
    );
    expect(
      refused({ type: "command", command: "python x.py", environment: env }, { default_compute: "local" }),
    ).toBe(true);
    const spark = { type: "spark", entry: { file: "a.py" }, compute: "azureml:pool" };
    expect(refused({ ...spark, inputs: { x: { path: "${{parent.inputs.x}}", mode: "direct" } } })).toBe(
      false,
    );
    expect(refused({ ...spark, inputs: { x: { path: "${{parent.inputs.x}}", mode: "ro_mount" } } })).toBe(
      true,
    );
    // "One of either compute or resources must be specified for Spark job".
    expect(refused({ type: "spark", entry: { file: "a.py" } })).toBe(true);
    expect(
      refused({ type: "spark", entry: { file: "a.py" }, resources: { instance_type: "standard_e4s_v3" } }),
    ).toBe(false);
    // Outputs may give only a mode (uri_folder is the default); an unknown node key is refused.
    expect(
      refused({ type: "command", command: "c", environment: env, outputs: { o: { mode: "rw_mount" } } }),
    ).toBe(false);
    expect(refused({ type: "command", command: "c", environment: env, entry_script: "x.py" })).toBe(true);
    expect(
      refused({ type: "command", command: "c", environment: env, outputs: { o: { mode: "ro_mount" } } }),
    ).toBe(true);
    expect(
      refused({
        type: "parallel",
        task: { type: "function", entry_script: "s.py", environment: { image: "i" } },
      }),
    ).toBe(false);
    expect(
      refused({ type: "parallel", task: { type: "function", entry_script: "", environment: env } }),
    ).toBe(true);
    expect(
      refused({ type: "parallel", task: { type: "function", environment: { conda_file: "c.yml" } } }),
    ).toBe(true);
    expect(refused({ type: "automl", task: "classification" })).toBe(true);
    expect(refused({ type: "parallel", task: { type: "run_function", entry_script: "s.py" } })).toBe(true);
    expect(
      refused({ type: "parallel", task: { type: "run_function", entry_script: "s.py", environment: env } }),
    ).toBe(false);
    expect(refused({ type: "data_transfer", task: "copy_data" })).toBe(true);
    expect(
      refused({
        type: "data_transfer",
        task: "copy_data",
        component: { type: "data_transfer", task: "copy_data" },
      }),
    ).toBe(false);
  });

  it("given a ParallelRunStep, writes a parallel job with its mini-batch settings and task", () => {
    const ir = validIR();
    const parallel = {
      type: "ParallelRunStep" as const,
      key: "score",
      name: "score",
      source: ir.source,
      compute: "cpu",
      sourceDirectory: "steps",
      parallelRunConfig: {
        entryScript: "score.py",
        miniBatchSize: "10",
        errorThreshold: 5,
        nodeCount: 2,
        processCountPerNode: 4,
      },
      sideInputs: [],
      arguments: [],
      parameters: [],
      inputs: [{ name: "images", from: "raw", source: ir.source }],
      outputs: [{ name: "predictions", destination: "preds", source: ir.source }],
      allowReuse: true,
      after: [],
    };
    const { jobs } = toV2Jobs({ ...ir, steps: [parallel] }, { outputToRoot: "." });
    expect(jobs.score).toMatchObject({
      type: "parallel",
      input_data: "${{inputs.images}}",
      mini_batch_size: "10",
      error_threshold: 5,
      resources: { instance_count: 2 },
      max_concurrency_per_instance: 4,
      task: { type: "run_function", entry_script: "score.py", append_row_to: "${{outputs.predictions}}" },
    });
  });

  it("given an AdlaStep, reports AP700 at its line naming the retirement and the replacement", () => {
    const { diagnostics } = emitV2(validIR(), options);
    const ap700 = diagnostics.filter((d) => d.code === "AP700");
    expect(ap700).toHaveLength(1);
    expect(ap700[0]?.at?.line).toBe(20);
    expect(ap700[0]?.message).toMatch(/retired.*Spark/);
  });

  it("given ordering without data, passes a visible marker output and says so (AP701), never drops it", () => {
    const ir = validIR();
    const steps = ir.steps.map((s) => (s.key === "copy" ? { ...s, after: ["prep"] } : s));
    const { jobs, diagnostics } = toV2Jobs({ ...ir, steps }, { outputToRoot: "." });
    expect(diagnostics.map((d) => d.code)).toContain("AP701");
    expect(jobs.prep?.outputs).toHaveProperty("amlpipe_after");
    expect(jobs.copy?.inputs).toHaveProperty(
      "amlpipe_after_prep",
      "${{parent.jobs.prep.outputs.amlpipe_after}}",
    );
  });
});
