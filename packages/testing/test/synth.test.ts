import { compute, pipeline, pythonScriptStep } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import demo from "../../../examples/demo/pipeline.js";
import { assertValid, synth } from "../src/index.js";

describe("@amlpipe/testing", () => {
  it("given the demo, synthesises it in memory with steps, edges and YAML to assert on", () => {
    const result = synth(demo);
    assertValid(result);
    expect(result.stepEdges()).toEqual(["prepare -> train"]);
    expect(result.step("train").inputs[0]?.from).toBe("prepare_clean");
    expect(result.yaml).toContain("script_name: train.py");
    expect(Object.keys(result.files)).toContain("manifest.json");
  });

  it("given a broken pipeline, assertValid throws with the diagnostics, and step() names the steps there are", () => {
    const lonely = pythonScriptStep("lonely", { script: "x.py" });
    const result = synth(pipeline("broken").steps(lonely));
    expect(() => assertValid(result)).toThrow(/AP307/);
    expect(() => result.step("nope")).toThrow(/its steps: lonely/);
  });

  it("given the v2 target, synthesises the pipeline job", () => {
    const cpu = compute.amlCluster("cpu");
    const result = synth(pipeline("v2").steps(pythonScriptStep("a", { script: "a.py" }).on(cpu)), {
      target: "v2",
    });
    expect(result.yaml).toContain("type: pipeline");
  });
});
