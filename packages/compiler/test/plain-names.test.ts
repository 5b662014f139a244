import { describe, expect, it } from "vitest";
import { checkPathSafety, type PipelineIR, plainNameProblem, readPipeline } from "../src/index.js";
import { memoryHost } from "./support/memory-host.js";

const HOSTILE = [".", "..", "../x", "/abs", "a\\b", "a\u0000b", "", " x", "-x", "x".repeat(256)];

function base(): PipelineIR {
  const text = "pipeline:\n  name: p\n  steps: {}\n";
  const { ir } = readPipeline({ path: "p.yaml", host: memoryHost({ "p.yaml": text }) });
  if (!ir) throw new Error("fixture does not read");
  return ir;
}

describe("plain names", () => {
  it("given each hostile value, plainNameProblem says why; plain names pass", () => {
    for (const bad of HOSTILE) expect(plainNameProblem(bad), JSON.stringify(bad)).toBeDefined();
    for (const good of ["train", "prepare_data", "v1.2", "_x", "cpu-cluster", "A9"])
      expect(plainNameProblem(good), good).toBeUndefined();
  });

  it("given a hostile environment or schedule name, checkPathSafety reports AP109 at its line", () => {
    const at = { file: "p.yaml", line: 7, col: 3 };
    for (const bad of HOSTILE) {
      const ir = base();
      const withEnv = { ...ir, environments: [{ name: bad, source: at }] } as unknown as PipelineIR;
      const withSchedule = {
        ...ir,
        schedules: [{ name: bad, source: at, pipelineParameters: {} }],
      } as PipelineIR;
      for (const [what, candidate] of [
        ["environment", withEnv],
        ["schedule", withSchedule],
      ] as const) {
        const found = checkPathSafety(candidate).filter((d) => d.code === "AP109");
        expect(found, `${what} ${JSON.stringify(bad)}`).toHaveLength(1);
        expect(found[0]?.at).toEqual(at);
        expect(found[0]?.message).toContain(what);
      }
    }
  });
});
