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
  for (const [name, pipeline] of Object.entries({ demo, amlCluster, dataTransfer, hdinsight, remoteVm })) {
    it(`given the ${name} example (command, spark, data_transfer jobs), writes a v2 pipeline job matching its golden file and the schema`, () => {
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
