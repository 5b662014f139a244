import fc from "fast-check";
import { describe, expect, it } from "vitest";
import demo from "../../../examples/demo/pipeline.js";
import { emitV1, lowerPipeline, type PipelineIR, readPipeline } from "../src/index.js";
import { pipelineIR } from "./support/arbitraries.js";
import { hostForCompiled } from "./support/memory-host.js";

const options = { outputToRoot: "../..", toolVersion: "0.0.0-test", schemaDirectory: "schemas" };
const root = new URL("../../..", import.meta.url).pathname;

function readBack(ir: PipelineIR, extra: Record<string, string> = {}) {
  const emitted = emitV1(ir, options);
  expect(emitted.diagnostics).toEqual([]);
  const host = hostForCompiled("out/p", emitted.files, { "src/steps/train.py": "", ...extra });
  return { emitted, read: readPipeline({ path: "out/p/pipeline.yaml", host }) };
}

/**
 * The IR without source positions (a YAML file cannot carry most of them), with computes and
 * datastores in name order (the reader finds them in order of use).
 */
function withoutPositions(value: PipelineIR | undefined): unknown {
  if (!value) return value;
  const byName = <T extends { name: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name));
  const sorted = { ...value, computes: byName(value.computes), datastores: byName(value.datastores) };
  return JSON.parse(
    JSON.stringify(sorted, (key, v) => (key === "source" && typeof v === "object" ? undefined : v)),
  );
}

describe("round trip: emit(read(emit(ir))) is byte-identical", () => {
  it("given the demo pipeline, reading its compiled files back and emitting again gives the same bytes", () => {
    const { ir } = lowerPipeline(demo, { root });
    if (!ir) throw new Error("demo did not lower");
    const { emitted, read } = readBack(ir, {
      "examples/demo/steps/prepare.py": "",
      "examples/demo/steps/train.py": "",
    });
    expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(read.ir && emitV1(read.ir, options).files).toEqual(emitted.files);
    expect(withoutPositions(read.ir)).toEqual(withoutPositions(ir));
    expect(read.ir?.steps[0]?.source).toEqual(ir.steps[0]?.source);
  });

  it("given generated pipelines of every step kind, the property holds", () => {
    fc.assert(
      fc.property(pipelineIR, (ir) => {
        const { emitted, read } = readBack(ir);
        expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const again = read.ir ? emitV1(read.ir, options).files : [];
        expect(again).toEqual(emitted.files);
        expect(withoutPositions(read.ir)).toEqual(withoutPositions(ir));
      }),
      { numRuns: 150 },
    );
  });
});
