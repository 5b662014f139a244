import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPipeline, emitV1, lowerPipeline, readPipeline } from "../src/index.js";
import everyKind from "./fixtures/every-kind.js";
import { hostForCompiled } from "./support/memory-host.js";

const root = new URL("../../..", import.meta.url).pathname;
const golden = new URL("./golden/every-kind/", import.meta.url);
const options = {
  outputToRoot: "../..",
  toolVersion: "0.1.0",
  schemaDirectory: "../../packages/compiler/schemas",
};

describe("every compute kind and step kind", () => {
  const { ir } = lowerPipeline(everyKind, { root });
  if (!ir) throw new Error("fixture does not lower");

  it("given the DSL pipeline, lowers every compute kind and step kind", () => {
    expect(new Set(ir.computes.map((c) => c.kind))).toEqual(
      new Set([
        "aml_cluster",
        "compute_instance",
        "remote_vm",
        "hdinsight",
        "synapse_spark",
        "azure_batch",
        "databricks",
        "adla",
        "data_factory",
        "kubernetes",
      ]),
    );
    expect(new Set(ir.steps.map((s) => s.type))).toEqual(
      new Set([
        "PythonScriptStep",
        "ParallelRunStep",
        "AdlaStep",
        "AzureBatchStep",
        "DatabricksStep",
        "DataTransferStep",
      ]),
    );
    expect(ir.schedules.map((s) => s.name)).toEqual(["nightly", "on-new-logs"]);
  });

  it("given it, no rule fires but the expected ones", () => {
    expect(checkPipeline(ir).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("given it, emits files that pass every shipped schema and match the golden files (UPDATE_GOLDEN=1 rewrites them)", () => {
    const { files, diagnostics } = emitV1(ir, options);
    expect(diagnostics).toEqual([]);
    for (const file of files) {
      const path = new URL(file.path, golden);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
        mkdirSync(dirname(path.pathname), { recursive: true });
        writeFileSync(path, file.text);
      }
      expect(file.text, file.path).toBe(readFileSync(path, "utf8"));
    }
  });

  it("given the emitted files, reads every kind back to the same files", () => {
    const { files } = emitV1(ir, options);
    const read = readPipeline({ path: "out/p/pipeline.yaml", host: hostForCompiled("out/p", files) });
    expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(read.ir && emitV1(read.ir, options).files).toEqual(files);
  });

  it("given secrets as references, no compiled file holds anything but the references", () => {
    const text = emitV1(ir, options)
      .files.map((f) => f.text)
      .join("\n");
    expect(text).toContain("env: DATABRICKS_TOKEN");
    expect(text).toContain("secret: dsvm-key");
  });
});
