import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { posix, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type AzureBatchStepIR, emitV1, emitV2, type PipelineIR, type StepIR } from "../src/index.js";
import type { SchemaName } from "../src/schema/schema-registry.js";
import { validateDocument } from "../src/schema/validate-document.js";
import { pipelineIR } from "./support/arbitraries.js";
import { at, validIR } from "./support/valid-ir.js";

const options = { outputToRoot: "../..", toolVersion: "1.2.3" };

function withSteps(ir: PipelineIR, steps: StepIR[]): PipelineIR {
  return { ...ir, steps };
}

const batch: AzureBatchStepIR = {
  type: "AzureBatchStep",
  key: "batch",
  name: "batch",
  source: at(40),
  compute: "batch",
  sourceDirectory: "bin\\tools/./x",
  executable: "run.cmd",
  createPool: false,
  vmSize: "standard_d1_v2",
  deleteBatchJobAfterFinish: true,
  deleteBatchPoolAfterFinish: false,
  isPositiveExitCodeFailure: true,
  runTaskAsAdmin: false,
  arguments: [],
  parameters: [],
  inputs: [],
  outputs: [],
  allowReuse: true,
  after: [],
};

describe("emitV1", () => {
  it("given a pipeline, every YAML file's modeline leads, from the file's own folder, to its shipped schema under node_modules", () => {
    const { files, diagnostics } = emitV1(validIR(), options);
    expect(diagnostics).toEqual([]);
    // Resolved as an editor does: from the folder the file is in (computes/, runconfigs/, ...).
    const folder = "project/out/p";
    const schemas = posix.join(folder, options.outputToRoot, "node_modules/@amlpipe/compiler/schemas");
    const nested = files.filter((f) => f.path.includes("/") && f.path !== "manifest.json");
    expect(nested.length).toBeGreaterThan(0);
    for (const file of files.filter((f) => f.path !== "manifest.json")) {
      const link = /^# yaml-language-server: \$schema=(\S+)$/.exec(file.text.split("\n")[0] ?? "")?.[1] ?? "";
      const target = posix.join(posix.dirname(posix.join(folder, file.path)), link);
      expect(posix.dirname(target), file.path).toBe(schemas);
      expect(target, file.path).toMatch(/\/[a-z0-9.-]+\.schema\.json$/);
    }
  });

  it("given an AzureBatchStep without pool id or image, still writes every key (null where unset)", () => {
    const ir = withSteps(validIR(), [batch]);
    const { files } = emitV1(ir, options);
    const pipeline = parse(files.find((f) => f.path === "pipeline.yaml")?.text ?? "");
    expect(Object.keys(pipeline.pipeline.steps.batch)).toEqual(
      expect.arrayContaining([
        "executable",
        "pool_id",
        "create_pool",
        "vm_size",
        "vm_image_urn",
        "delete_batch_job_after_finish",
        "delete_batch_pool_after_finish",
        "is_positive_exit_code_failure",
        "run_task_as_admin",
      ]),
    );
    // The loader refuses a number for target_compute_nodes (it checks for a boolean): never written.
    expect(pipeline.pipeline.steps.batch).not.toHaveProperty("target_compute_nodes");
    expect(pipeline.pipeline.steps.batch).toMatchObject({ pool_id: null, vm_image_urn: null });
  });

  it("given a Windows-style source directory, writes a normalised POSIX path through outputToRoot", () => {
    const { files } = emitV1(withSteps(validIR(), [batch]), options);
    const pipeline = parse(files.find((f) => f.path === "pipeline.yaml")?.text ?? "");
    expect(pipeline.pipeline.steps.batch.source_directory).toBe("../../bin/tools/x");
  });

  it("given steps out of key order, the manifest maps step keys in sorted order and hashes every other file", () => {
    const ir = validIR();
    const { files } = emitV1(withSteps(ir, [...ir.steps].reverse()), options);
    const manifest = JSON.parse(files.find((f) => f.path === "manifest.json")?.text ?? "{}");
    expect(Object.keys(manifest.steps)).toEqual(["agg", "copy", "prep"]);
    expect(manifest.tool).toEqual({ name: "amlpipe", version: "1.2.3" });
    for (const file of files.filter((f) => f.path !== "manifest.json")) {
      expect(manifest.files[file.path]).toBe(createHash("sha256").update(file.text).digest("hex"));
    }
  });

  it("given the same IR twice, writes byte-identical files with no absolute path", () => {
    const first = emitV1(validIR(), options).files;
    expect(emitV1(validIR(), options).files).toEqual(first);
    expect(first.some((f) => /(^|[\s"'])\/(home|tmp|work|Users)\//.test(f.text))).toBe(false);
  });

  it("given an IR that would break the shipped schema, reports AP105 instead of passing it silently", () => {
    const ir = validIR();
    const [first, ...rest] = ir.steps;
    if (!first) throw new Error("fixture has steps");
    // Read from YAML, the bad value is the emitter's doing: an amlpipe bug (AP105).
    const fromYaml = { ...first, name: "", source: { ...first.source, file: "pipeline.yaml" } };
    const { diagnostics } = emitV1(withSteps(ir, [fromYaml, ...rest]), options);
    expect(diagnostics.map((d) => d.code)).toContain("AP105");
    expect(diagnostics[0]?.message).toContain("pipeline.yaml");
  });

  it("given the same bad value built by a TypeScript module (no type check), reports AP101 at the step's line, not an amlpipe bug", () => {
    const ir = validIR();
    const [first, ...rest] = ir.steps;
    if (!first) throw new Error("fixture has steps");
    const fromModule = { ...first, name: "", source: { file: "p.ts", line: 7, col: 3 } };
    const { diagnostics } = emitV1(withSteps(ir, [fromModule, ...rest]), options);
    expect(diagnostics).toMatchObject([{ code: "AP101", at: { file: "p.ts", line: 7 } }]);
    expect(diagnostics[0]?.message).toContain(`a value of step "${first.key}"`);
  });
});

describe("emitV1 text against the shipped schemas", () => {
  it("given generated pipelines, every emitted file parsed back from its text passes its schema", () => {
    fc.assert(
      fc.property(pipelineIR, (ir) => {
        const { files, diagnostics } = emitV1(ir, options);
        expect(diagnostics).toEqual([]);
        for (const file of files) {
          const schema = schemaOf(file.path);
          const document = file.path.endsWith(".json") ? JSON.parse(file.text) : parse(file.text);
          expect(validateDocument(schema, document), file.path).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** The schema a compiled file's modeline names (manifest.json has none: it is the manifest schema). */
function schemaOf(path: string): SchemaName {
  if (path === "manifest.json") return "manifest.schema.json";
  const kinds: Record<string, SchemaName> = {
    computes: "compute.schema.json",
    datastores: "datastore.schema.json",
    runconfigs: "runconfig.schema.json",
    parallel_run_configs: "parallel-run-config.schema.json",
    schedules: "schedule.schema.json",
  };
  return kinds[path.split("/")[0] ?? ""] ?? "pipeline.v1.schema.json";
}

describe("the committed golden files", () => {
  it("given every compute and step kind's golden output, each file's text passes its schema", () => {
    const root = new URL("./golden/every-kind/", import.meta.url);
    const paths = readdirSync(root, { recursive: true, encoding: "utf8" })
      .map((path) => path.split(sep).join("/"))
      .filter((path) => /\.(ya?ml|json)$/.test(path));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const text = readFileSync(new URL(path, root), "utf8");
      const document = path.endsWith(".json") ? JSON.parse(text) : parse(text);
      expect(validateDocument(schemaOf(path), document), path).toEqual([]);
    }
  });
});

describe("checking without writing (validate)", () => {
  it("given any valid IR, checkOnly reports the same diagnostics and the same file paths, with no text and no manifest", () => {
    fc.assert(
      fc.property(pipelineIR, (ir) => {
        for (const emit of [emitV1, emitV2]) {
          const written = emit(ir, options);
          const checked = emit(ir, { ...options, checkOnly: true });
          expect(checked.diagnostics).toEqual(written.diagnostics);
          expect(checked.files.map((f) => f.path)).toEqual(
            written.files.map((f) => f.path).filter((p) => p !== "manifest.json"),
          );
          expect(checked.files.every((f) => f.text === "")).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("given a document that breaks its schema, checkOnly still reports it (AP105)", () => {
    const ir = validIR();
    const [first, ...rest] = ir.steps;
    if (!first) throw new Error("fixture has steps");
    const broken = withSteps(ir, [
      { ...first, name: "", source: { ...first.source, file: "pipeline.yaml" } },
      ...rest,
    ]);
    const codes = (checkOnly: boolean) =>
      emitV1(broken, { ...options, checkOnly }).diagnostics.map((d) => d.code);
    expect(codes(false)).toContain("AP105");
    expect(codes(true)).toEqual(codes(false));
  });
});
