import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const WORDS = [
  "compile",
  "validate",
  "run",
  "graph",
  "import",
  "migrate",
  "init",
  "submit",
  "attach",
  "detach",
  "--json",
  "--format",
  "github",
  "-o",
  "--target",
  "v3",
  "--diff",
  "--exit-code",
  "--bogus",
  "--param",
  "a=1",
  "x",
  "fixtures/no-pipeline.ts",
  "fixtures/throws-at-line-7.ts",
  "nope.yaml",
  "--help",
  "",
];

describe("fuzzing the CLI's arguments", () => {
  it("given random command lines, every run ends with a documented exit code and no stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 6 }),
        async (argv) => {
          // Never touch the network or the disk outside this folder: no emulator endpoint, no init target.
          if (
            argv.includes("init") ||
            argv.includes("submit") ||
            argv.includes("attach") ||
            argv.includes("detach")
          )
            return;
          const run = await runCliCaptured(argv);
          expect([0, 1, 2, 3]).toContain(run.code);
          expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
