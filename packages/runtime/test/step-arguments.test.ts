import { describe, expect, it } from "vitest";
import { resolveArguments, type StepPaths } from "../src/local/step-command.js";

const paths: StepPaths = {
  snapshot: "/s",
  inputs: new Map([["raw", "/data/raw"]]),
  outputs: new Map([["model", "/out/model"]]),
  parameters: new Map([["lr", "0.1"]]),
  writes: new Map(),
  parallelDriver: "/d.py",
};

// What the SDK v1 loader model (../shared/reference/v1-loader) says of tokens: a binding it finds is
// replaced; a token naming none, and `parameter:` outside a PythonScriptStep, stay literal strings.
describe("argument tokens as a local run passes them", () => {
  it("given tokens naming the step's bindings, replaces them with paths and the parameter's value", () => {
    const args = resolveArguments(
      [
        "--in",
        { ref: "input", name: "raw" },
        { ref: "output", name: "model" },
        { ref: "parameter", name: "lr" },
      ],
      paths,
      "PythonScriptStep",
    );
    expect(args).toEqual(["--in", "/data/raw", "/out/model", "0.1"]);
  });

  it("given tokens naming no binding, passes them as the literal text, as the loader does (not an empty string)", () => {
    expect(
      resolveArguments(
        [
          { ref: "input", name: "nope" },
          { ref: "parameter", name: "x" },
        ],
        paths,
      ),
    ).toEqual(["input:nope", "parameter:x"]);
  });

  it("given a parameter token on a ParallelRunStep, passes it literally: only a PythonScriptStep's loader makes it a parameter", () => {
    expect(resolveArguments([{ ref: "parameter", name: "lr" }], paths, "ParallelRunStep")).toEqual([
      "parameter:lr",
    ]);
  });
});

describe("what a local run says it does differently", () => {
  it("given a pyspark step, notes that it runs as a plain Python process here, not on Spark; with its environment unbuilt, says that too", async () => {
    const { LOCAL_STEP_KINDS } = await import("../src/local/local-step-kinds.js");
    const step = {
      type: "PythonScriptStep",
      key: "spark",
      name: "spark",
      source: { file: "p.ts", line: 1, col: 1 },
      scriptName: "job.py",
      framework: "pyspark",
      arguments: [],
      parameters: [],
      inputs: [],
      outputs: [],
      allowReuse: true,
      after: [],
    } as const;
    const env = {
      kind: "conda",
      name: "spark-env",
      condaPackages: [],
      pipPackages: [],
      channels: [],
      source: step.source,
    } as const;
    const action = LOCAL_STEP_KINDS.PythonScriptStep.action(step, { ...paths, environment: env }, [], {});
    expect(action).toMatchObject({ kind: "process", command: "python3" });
    const note = action.kind === "process" ? action.note : undefined;
    expect(note).toContain("framework pyspark: run here as a plain Python process");
    expect(note).toContain('environment "spark-env" (conda) is not built locally');
    const plain = LOCAL_STEP_KINDS.PythonScriptStep.action({ ...step, framework: "python" }, paths, [], {});
    expect(plain.kind === "process" ? plain.note : "").toBeUndefined();
  });
});
