// The drift bugs of one fact kept in many places (../shared/audits/aesthetics.md §1.4): each case once
// lost data with no diagnostic. With one definition per step kind they are refused or carried.
import { datastore, dataTransferStep, type Pipeline, pipeline, pythonScriptStep } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import { checkPipeline, lowerPipeline, STEP_KINDS, STEP_TYPES, toV2Jobs, withKind } from "../src/index.js";
import everyKind from "./fixtures/every-kind.js";

const root = new URL("../../..", import.meta.url).pathname;
const lake = datastore.blob("lake");
const raw = lake.path("raw", { name: "raw" });

/** The codes the rules report for a DSL pipeline. */
function codes(p: Pipeline): string[] {
  const { ir } = lowerPipeline(p, { root });
  return checkPipeline(ir).map((d) => d.code);
}

describe("step kind drift", () => {
  it("given a DataTransferStep given an extra output by untyped code, AP209 refuses it and v2 has no dangling input", () => {
    // biome-ignore lint/suspicious/noExplicitAny: what untyped JavaScript can do.
    const copy = (dataTransferStep("copy", { from: raw, to: lake.path("copy") }) as any).output("extra");
    const reader = pythonScriptStep("read", { script: "r.py" }).input("x", copy.outputs.extra);
    const p = pipeline("p").steps(copy, reader);
    expect(codes(p)).toContain("AP209");
    // Even past the rules, every binding comes from the kind's one list: the reader reads the copy's
    // output, not a pipeline input that does not exist.
    const { jobs } = toV2Jobs(lowerPipeline(p, { root }).ir, { outputToRoot: ".." });
    expect(jobs.read?.inputs).toEqual({ x: "${{parent.jobs.copy.outputs.extra}}" });
  });

  it("given .sideInput() on a PythonScriptStep through untyped code, AP209 reports it instead of dropping it", () => {
    // biome-ignore lint/suspicious/noExplicitAny: what untyped JavaScript can do.
    const step = (pythonScriptStep("p", { script: "p.py" }) as any).sideInput("lookup", raw);
    expect(codes(pipeline("p").steps(step))).toContain("AP209");
  });

  it("given one input name bound twice through untyped code, AP203 reports the second binding", () => {
    // biome-ignore lint/suspicious/noExplicitAny: what untyped JavaScript can do.
    const step = (pythonScriptStep("p", { script: "p.py" }).input("x", raw) as any).input("x", raw);
    const { ir } = lowerPipeline(pipeline("p").steps(step), { root });
    const found = checkPipeline(ir).filter((d) => d.code === "AP203");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining('two different inputs or parameters of step "p" are named "x"'),
    ]);
  });

  it("given every step kind of the every-kind fixture, it emits only v1 keys its definition declares (and so reads back)", () => {
    const { ir } = lowerPipeline(everyKind, { root });
    for (const step of ir.steps) {
      const emitted = withKind(step, (kind, own) => kind.emitV1(own, { sideFile: "x.yml" }));
      expect(Object.keys(emitted).filter((key) => !(key in STEP_KINDS[step.type].v1Keys))).toEqual([]);
    }
    expect(new Set(ir.steps.map((s) => s.type))).toEqual(new Set(STEP_TYPES));
  });
});
