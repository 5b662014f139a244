import { describe, expect, it } from "vitest";
import { checkPipeline, DIAGNOSTIC_CODES, type PipelineIR, RULES, type StepIR } from "../src/index.js";
import { at, validIR } from "./support/valid-ir.js";

const withStep = (ir: PipelineIR, key: string, patch: Record<string, unknown>): PipelineIR => ({
  ...ir,
  steps: ir.steps.map((s) => (s.key === key ? ({ ...s, ...patch } as StepIR) : s)),
});

describe("rule catalogue", () => {
  it("given the valid pipeline, no rule fires", () => {
    expect(checkPipeline(validIR())).toEqual([]);
  });

  // Each rule carries its fixtures (rules/apNNN-*.ts, `examples`): cases that must fire at their line,
  // and near misses that must raise nothing but what they say.
  for (const rule of RULES) {
    for (const example of rule.examples.fires) {
      it(`given ${example.what}, ${rule.code} fires at line ${example.line}`, () => {
        const all = checkPipeline(example.mutate(validIR()));
        const found = all.filter((d) => d.code === rule.code);
        expect(found.length, JSON.stringify(all)).toBeGreaterThan(0);
        expect(found[0]?.at?.line).toBe(example.line);
        expect(found[0]?.severity).toBe(example.severity ?? DIAGNOSTIC_CODES[rule.code].severity);
        expect(found[0]?.hint ?? found[0]?.message).toBeTruthy();
      });
    }
    for (const example of rule.examples.passes) {
      it(`given ${example.what}, ${rule.code} does not fire (nor any rule it should not)`, () => {
        const codes = checkPipeline(example.mutate(validIR())).map((d) => d.code);
        expect(codes.filter((c) => !(example.alsoFires ?? []).includes(c))).toEqual([]);
        for (const code of example.alsoFires ?? []) expect(codes).toContain(code);
      });
    }
  }

  it("given every registered rule, it carries a firing case and a near miss", () => {
    expect(RULES.filter((r) => r.examples.fires.length === 0 || r.examples.passes.length === 0)).toEqual([]);
  });

  it("given an AdlaStep input on another store in a .ts pipeline, AP301 offers a fix reading the same path on the default store", () => {
    const ir = withStep(validIR(), "prep", {
      outputs: [{ name: "clean", destination: "clean", datastore: "blob", source: at(13) }],
    });
    const found = checkPipeline(ir).find((d) => d.code === "AP301");
    expect(found?.message).toContain('can only use its default store "lake"');
    // clean is intermediate data: no path to re-read, so no fix; the hint says what to do.
    expect(found?.fix).toBeUndefined();
    expect(found?.hint).toContain("earlier pipeline");
    const onBlob = withStep(validIR(), "agg", { inputs: [{ name: "raw", from: "raw", source: at(21) }] });
    const fix = checkPipeline(onBlob).find((d) => d.code === "AP301")?.fix;
    expect(fix?.edits[0]).toMatchObject({
      kind: "read_from_store",
      file: "p.ts",
      line: 21,
      input: "raw",
      datastore: "lake",
      path: "raw",
      reference: "raw_on_lake",
    });
  });

  it("given a secret-looking argument, AP501 never prints its value", () => {
    const canary = `dapi${"0123456789abcdef".repeat(2)}`;
    const found = checkPipeline(withStep(validIR(), "prep", { arguments: ["--token", canary] }));
    expect(found.map((d) => d.code)).toContain("AP501");
    expect(JSON.stringify(found)).not.toContain(canary);
  });
});
