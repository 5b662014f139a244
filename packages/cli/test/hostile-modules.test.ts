import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

interface Result {
  diagnostics: { code: string; message: string; at?: { line: number } }[];
}

/** A pipeline module that misbehaves while loading, and what validate must say about it. */
const CASES: { file: string; line: number; says: string }[] = [
  { file: "exits.ts", line: 1, says: "called process.exit(0)" },
  { file: "loops.ts", line: 1, says: "did not finish loading within 1.5 s" },
  { file: "never-settles.ts", line: 1, says: "a top-level await never settled" },
  { file: "rejects.ts", line: 1, says: "left a promise rejected while loading: rejected at load" },
  { file: "syntax-error.ts", line: 3, says: 'failed to load: Unexpected ";"' },
  { file: "throws-object.ts", line: 1, says: 'a thrown object: {"reason":"no"}' },
  { file: "wrong-type.ts", line: 5, says: "holds a value the DSL does not accept" },
];

describe("pipeline modules that misbehave while loading", () => {
  for (const { file, line, says } of CASES) {
    it(`given ${file}, validate fails with AP900 at line ${line}, says why, and prints no stack trace`, async () => {
      const run = await runCliCaptured(["validate", `fixtures/hostile/${file}`, "--json"], {
        env: { AMLPIPE_LOAD_TIMEOUT_MS: "1500" },
      });
      expect(run.code, run.stderr).toBe(1);
      const result = JSON.parse(run.stdout) as Result;
      const ap900 = result.diagnostics.find((d) => d.code === "AP900");
      expect(ap900?.message).toContain(says);
      expect(ap900?.at?.line).toBe(line);
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    });
  }

  it("given --debug, the same failure also shows its stack trace; without it, none", async () => {
    const plain = await runCliCaptured(["validate", "fixtures/throws-at-line-7.ts"]);
    const debug = await runCliCaptured(["validate", "fixtures/throws-at-line-7.ts", "--debug"]);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    expect(debug.stderr).toMatch(/^\s+at .*throws-at-line-7\.ts:7:7/m);
  });

  it("given a module that exits, the CLI itself goes on: a second input in the same run is still checked", async () => {
    const run = await runCliCaptured(["validate", "fixtures/hostile/exits.ts", "--json"]);
    const after = await runCliCaptured(["validate", "fixtures/no-pipeline.ts", "--json"]);
    expect(run.code).toBe(1);
    expect(after.stdout).toContain("AP901");
  });
});
