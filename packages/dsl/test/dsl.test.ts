import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compute, datastore, isPipeline, param, pipeline, pythonScriptStep, secret } from "../src/index.js";

const lines = readFileSync(new URL(import.meta.url), "utf8").split("\n");
const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;

describe("DSL values", () => {
  it("given a step, every builder call returns a new value and leaves the old one unchanged", () => {
    const base = pythonScriptStep("a", { script: "a.py" });
    const withInput = base.input("x", datastore.blob("b").path("p"));
    const withOutput = withInput.output("o");
    expect(base.def.inputs).toHaveLength(0);
    expect(withInput.def.inputs).toHaveLength(1);
    expect(withInput.def.outputs).toHaveLength(0);
    expect(withOutput.def.outputs).toHaveLength(1);
    expect(withOutput).not.toBe(withInput);
  });

  it("given builder calls, each object records the line of this file that created it", () => {
    const step = pythonScriptStep("positioned", { script: "a.py" }); // marker-step
    const cpu = compute.amlCluster("cpu"); // marker-compute
    expect(step.def.location.line).toBe(lineOf("marker-step"));
    expect(step.def.location.file).toContain("dsl.test.ts");
    expect(cpu.location.line).toBe(lineOf("marker-compute"));
  });

  it("given a step output passed to another step, the edge is the data: outputs expose declared names only", () => {
    const prep = pythonScriptStep("prep", { script: "p.py" }).output("clean");
    const train = pythonScriptStep("train", { script: "t.py" }).input("data", prep.outputs.clean);
    const source = train.def.inputs[0]?.source;
    expect(source?.kind).toBe("step_output");
    expect(source?.kind === "step_output" && source.step).toBe(prep);
    expect(Object.keys(prep.outputs)).toEqual(["clean"]);
  });

  it("given args as a callback, tokens name the declared bindings and parameters", () => {
    const lr = param.float("lr", 0.1);
    const step = pythonScriptStep("s", { script: "s.py" })
      .input("i", datastore.blob("b").path("x"))
      .output("o")
      .param("lr", lr)
      .args(({ inputs, outputs, params }) => ["--i", inputs.i, "--o", outputs.o, "--lr", params.lr]);
    expect(step.def.args).toEqual([
      "--i",
      { kind: "arg_token", ref: "input", name: "i" },
      "--o",
      { kind: "arg_token", ref: "output", name: "o" },
      "--lr",
      { kind: "arg_token", ref: "parameter", name: "lr" },
    ]);
  });

  it("given secrets, they are references only", () => {
    expect(secret.env("TOKEN")).toEqual({ kind: "env", name: "TOKEN" });
    expect(secret.keyVault("kv", "name")).toEqual({ kind: "keyvault", vault: "kv", secretName: "name" });
  });

  it("given a pipeline, isPipeline recognises it by its brand, and nothing else", () => {
    expect(isPipeline(pipeline("p"))).toBe(true);
    expect(isPipeline({ def: {} })).toBe(false);
    expect(isPipeline(null)).toBe(false);
  });
});
