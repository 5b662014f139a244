import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Diagnostic,
  emitV2,
  type PipelineIR,
  type ReadHost,
  readYamlInput,
  validateDocument,
} from "../src/index.js";
import { memoryHost } from "./support/memory-host.js";

const root = new URL("../../..", import.meta.url).pathname;
/** The repository as a read host, with some files replaced or added in memory. */
function diskHost(overrides: Record<string, string> = {}): ReadHost {
  const memory = memoryHost(overrides);
  return {
    readFile: (path) =>
      memory.readFile(path) ??
      (existsSync(`${root}${path}`) ? readFileSync(`${root}${path}`, "utf8") : undefined),
    exists: (path) => memory.exists(path) || existsSync(`${root}${path}`),
  };
}
const FIXTURES = "packages/compiler/test/fixtures/v2";
const read = (path: string, host: ReadHost = diskHost()) => readYamlInput({ path, host, root });
const codes = (diagnostics: readonly Diagnostic[], severity: Diagnostic["severity"]) =>
  diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code}:${d.at?.line}`);
const stepOf = (ir: PipelineIR | undefined, key: string) => ir?.steps.find((s) => s.key === key);

/** Compiles the IR back to v2 beside the original file and parses the result. */
function compileBack(ir: PipelineIR, folder: string): { document: Record<string, unknown>; text: string } {
  const outputToRoot = posix.relative(folder, ".") || ".";
  const { files, diagnostics } = emitV2(ir, { outputToRoot, toolVersion: "test", schemaDirectory: "." });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const text = files.find((f) => f.path === "pipeline.yaml")?.text ?? "";
  return { document: parse(text) as Record<string, unknown>, text };
}

describe("reading v2 pipeline job YAML", () => {
  it("given files shaped like the official examples (nyc-taxi, Spark, parallel), the shipped schema (azure-ai-ml's rules) accepts them", () => {
    for (const name of ["taxi", "spark", "parallel"]) {
      const document = parse(readFileSync(`${root}${FIXTURES}/${name}/pipeline.yml`, "utf8"));
      expect(validateDocument("pipeline-job.v2.schema.json", document), name).toEqual([]);
    }
  });

  it("given a chain of command jobs with a local data folder, reads each job as a PythonScriptStep bound to the one before", () => {
    const { ir, diagnostics } = read(`${FIXTURES}/taxi/pipeline.yml`);
    expect(codes(diagnostics, "error")).toEqual([]);
    expect(codes(diagnostics, "warning")).toEqual([]);
    expect(ir?.name).toBe("taxi-fares");
    expect(ir?.dataReferences).toEqual([
      expect.objectContaining({
        kind: "local_path",
        name: "trips",
        path: `${FIXTURES}/taxi/data`,
        dataType: "uri_folder",
      }),
    ]);
    const fit = stepOf(ir, "fit_job");
    expect(fit).toMatchObject({
      type: "PythonScriptStep",
      scriptName: "fit.py",
      compute: "cpu-cluster",
      sourceDirectory: `${FIXTURES}/taxi/src/fit`,
      environment: "AzureML-sklearn-1.5",
      inputs: [{ name: "cleaned", from: "clean_job_cleaned" }],
      outputs: [
        { name: "model", destination: "fit_job_model" },
        { name: "holdout", destination: "fit_job_holdout" },
      ],
      arguments: [
        "--cleaned",
        { ref: "input", name: "cleaned" },
        "--holdout",
        { ref: "output", name: "holdout" },
        "--model",
        { ref: "output", name: "model" },
      ],
    });
    expect(ir?.environments).toHaveLength(1);
    // The nyc-taxi shape: `inputs.trips` is inline in the first job, with its own line.
    expect(stepOf(ir, "clean_job")?.inputs[0]).toMatchObject({ from: "trips", source: { line: 10 } });
  });

  it("given Spark jobs, reads them as pyspark steps and reports each setting it cannot carry at its line (AP112)", () => {
    const { ir, diagnostics } = read(`${FIXTURES}/spark/pipeline.yml`);
    expect(codes(diagnostics, "error")).toEqual([]);
    expect(codes(diagnostics, "warning").filter((c) => c.startsWith("AP112"))).toEqual([
      "AP112:13", // the pipeline output
      "AP112:28", // py_files
      "AP112:31", // files
      "AP112:39", // conf
      "AP112:60", // jars
      "AP112:69", // conf
    ]);
    expect(stepOf(ir, "count_rows")).toMatchObject({
      type: "PythonScriptStep",
      framework: "pyspark",
      scriptName: "count_rows.py",
      inputs: [{ name: "table", from: "flowers" }],
      outputs: [{ name: "counts", destination: "counts" }],
      arguments: ["--table", { ref: "input", name: "table" }, "--counts", { ref: "output", name: "counts" }],
    });
    expect(ir?.dataReferences[0]).toMatchObject({ kind: "local_path", dataType: "uri_file" });
  });

  it("given a parallel job over an mltable, reads its task, mini-batch settings, conda environment and append_row_to", () => {
    const { ir, diagnostics } = read(`${FIXTURES}/parallel/pipeline.yml`);
    expect(codes(diagnostics, "error")).toEqual([]);
    const score = stepOf(ir, "score");
    expect(score).toMatchObject({
      type: "ParallelRunStep",
      sourceDirectory: `${FIXTURES}/parallel/script`,
      environment: "score-env",
      inputs: [
        { name: "rows", from: "rows" },
        { name: "model", from: "model", bindMode: "download" },
      ],
      outputs: [{ name: "scores", destination: "scores" }],
      arguments: ["--model", { ref: "input", name: "model" }],
      parallelRunConfig: {
        entryScript: "score.py",
        miniBatchSize: "100kb",
        processCountPerNode: 2,
        runInvocationTimeout: 60,
        outputAction: "append_row",
      },
    });
    expect(ir?.dataReferences.find((r) => r.name === "rows")).toMatchObject({ dataType: "mltable" });
    expect(ir?.environments[0]).toMatchObject({
      kind: "conda",
      pythonVersion: "3.10",
      pipPackages: ["pandas==2.2.2", "scikit-learn==1.5.1"],
      channels: ["conda-forge"],
      docker: { baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" },
    });
    // tags, the direct mode of the mltable (not a Spark job), the pipeline output and its uri_file type,
    // mini_batch_error_threshold, logging_level, retry max_retries, the environment's version.
    expect(
      codes(diagnostics, "warning")
        .filter((c) => c.startsWith("AP112"))
        .sort(),
    ).toEqual(
      ["AP112:6", "AP112:16", "AP112:23", "AP112:24", "AP112:38", "AP112:39", "AP112:43", "AP112:52"].sort(),
    );
  });

  it("given each fixture, compiles it back to a v2 file the shipped schema accepts, and reads that back to the same steps", () => {
    // Pipeline outputs are not carried (AP112): the Spark job's output gets its own data name back.
    const renamed: Record<string, string> = { counts: "count_rows_counts", scores: "score_scores" };
    for (const name of ["taxi", "spark", "parallel"]) {
      const folder = `${FIXTURES}/${name}`;
      const first = read(`${folder}/pipeline.yml`).ir as PipelineIR;
      const { document, text } = compileBack(first, "out/back");
      expect(validateDocument("pipeline-job.v2.schema.json", document), name).toEqual([]);
      const again = read("out/back/pipeline.yaml", diskHost({ "out/back/pipeline.yaml": text }))
        .ir as PipelineIR;
      const shape = (ir: PipelineIR) =>
        ir.steps.map(({ source: _s, inputs, outputs, ...step }) => ({
          ...step,
          inputs: inputs.map(({ source: _i, ...b }) => b),
          outputs: outputs.map(({ source: _o, ...b }) => ({
            ...b,
            destination: renamed[b.destination] ?? b.destination,
          })),
          parameters: step.parameters.map(({ source: _p, ...b }) => b),
        }));
      expect(shape(again), name).toEqual(shape(first));
    }
  });

  it("given amlpipe's own v2 goldens, reading them and compiling again gives the same bytes", () => {
    for (const name of ["amlCluster", "dataTransfer", "remoteVm"]) {
      const golden = readFileSync(new URL(`./golden-v2/${name}.yaml`, import.meta.url), "utf8");
      // The goldens were written two folders below the root (`outputToRoot: ../..`).
      const path = `out/${name}/pipeline.yaml`;
      const { ir, diagnostics } = read(path, diskHost({ [path]: golden }));
      expect(codes(diagnostics, "error"), name).toEqual([]);
      const { files } = emitV2(ir as PipelineIR, {
        outputToRoot: "../..",
        toolVersion: "0.1.0",
        schemaDirectory: "../../packages/compiler/schemas",
      });
      expect(files.find((f) => f.path === "pipeline.yaml")?.text, name).toBe(golden);
    }
  });

  it("given what azure-ai-ml refuses or amlpipe cannot read, says so at the line and never throws", () => {
    const job = (lines: string[]) =>
      [
        "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json",
        "type: pipeline",
        "inputs:",
        "  rate: 0.5",
        "  raw: {type: uri_folder, path: 'https://example.com/raw'}",
        "jobs:",
        ...lines,
      ].join("\n");
    const cases: [string[], string][] = [
      [
        [
          "  a:",
          "    type: spark",
          "    entry: {file: a.py}",
          "    compute: azureml:p",
          "    inputs:",
          "      x: {path: '${{parent.inputs.rate}}', mode: ro_mount}",
        ],
        "AP101:12",
      ],
      [["  a:", "    type: sweep", "    trial: ./t.yml"], "AP106:8"],
      [
        ["  a:", "    type: command", "    command: bash run.sh", "    environment: azureml:e@latest"],
        "AP101:9",
      ],
      [
        [
          "  a:",
          "    type: command",
          "    command: python a.py",
          "    environment: azureml:e@latest",
          "    inputs:",
          "      x: ${{parent.inputs.nothing}}",
        ],
        "AP101:12",
      ],
      [["  a:", "    type: command", "    component: ./train.yml"], "AP106:8"],
    ];
    for (const [lines, expected] of cases) {
      const { diagnostics } = read("p/pipeline.yml", memoryHost({ "p/pipeline.yml": job(lines) }));
      const errors = codes(diagnostics, "error");
      // The https input is refused in every case (amlpipe reads datastore, asset and local paths).
      expect(errors, lines.join("\n")).toContain("AP101:5");
      expect(errors, lines.join("\n")).toContain(expected);
    }
  });
});

describe("the reference page's v1 examples as v2", () => {
  const docs = "packages/compiler/test/fixtures/docs";
  const examples = [
    "python-script-step",
    "multi-step",
    "parallel-run-step",
    "data-transfer-step",
    "adla-step",
    "azure-batch-step",
    "databricks-step",
  ];
  for (const name of examples) {
    it(`given ${name}.yaml, writes a v2 file matching its golden and the schema, or refuses each step with a code at its line`, () => {
      const { ir } = read(`${docs}/${name}.yaml`);
      if (!ir) throw new Error("no IR");
      const { files, diagnostics } = emitV2(ir, {
        outputToRoot: "../../..",
        toolVersion: "test",
        schemaDirectory: ".",
      });
      const errors = diagnostics.filter((d) => d.severity === "error");
      // Every refusal is coded and located at a line of the file.
      for (const e of errors) expect(e.at?.file, e.message).toBe(`${docs}/${name}.yaml`);
      const yaml = files.find((f) => f.path === "pipeline.yaml")?.text;
      const golden = new URL(`./golden-v2/docs/${name}.yaml`, import.meta.url);
      if (yaml === undefined) {
        expect(errors.length, name).toBeGreaterThan(0);
        expect(existsSync(golden)).toBe(false);
        return;
      }
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
        mkdirSync(dirname(golden.pathname), { recursive: true });
        writeFileSync(golden, yaml);
      }
      expect(yaml).toBe(readFileSync(golden, "utf8"));
      expect(validateDocument("pipeline-job.v2.schema.json", parse(yaml))).toEqual([]);
    });
  }
});

describe("RunConfiguration environments written by hand", () => {
  it("given snake_case Environment keys in a ParallelRunConfig, warns at each (AP102) instead of dropping the packages silently", () => {
    const host = memoryHost({
      "p/pipeline.yaml": [
        "pipeline:",
        "  default_compute: cpu",
        "  data_references:",
        "    raw: {datastore: blob, path_on_datastore: raw}",
        "  steps:",
        "    score:",
        "      type: ParallelRunStep",
        "      parallel_run_config: config.yml",
        "      inputs: {raw: {source: raw}}",
      ].join("\n"),
      "p/config.yml": [
        "parallel_run_config:",
        "  entry_script: score.py",
        "  compute_target_name: cpu",
        "  error_threshold: 5",
        "  output_action: append_row",
        "  node_count: 1",
        "  environment:",
        "    name: env",
        "    python:",
        "      conda_dependencies: {dependencies: [pandas]}",
        "    docker:",
        "      base_image: img",
      ].join("\n"),
    });
    const { diagnostics } = read("p/pipeline.yaml", host);
    expect(
      diagnostics.filter((d) => d.code === "AP102").map((d) => [d.at?.file, d.at?.line, d.hint]),
    ).toEqual([
      ["p/config.yml", 10, "write condaDependencies"],
      ["p/config.yml", 12, "write baseImage"],
    ]);
  });
});
