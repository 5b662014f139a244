import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIAGNOSTIC_CODES } from "@amlpipe/compiler";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

// CI runs a few dozen modules (each loads in its own worker); AMLPIPE_DSL_FUZZ_RUNS sets more.
const RUNS = Number(process.env.AMLPIPE_DSL_FUZZ_RUNS ?? 30);
const scratch = new URL("../.tmp/dsl-fuzz/", import.meta.url).pathname;
mkdirSync(join(scratch, "steps"), { recursive: true });
writeFileSync(join(scratch, "steps", "s.py"), "print('hi')\n");

/** Values a careless or hostile module passes where the DSL expects names, paths and settings. */
const hostile = fc.oneof(
  fc.constantFrom('"train"', '".."', '"../../victim"', '"/etc/passwd"', '"__proto__"', '"a\\u0000b"'),
  fc.constantFrom('"\\u001b[32m0 errors"', "42", "null", "undefined", "{}", "[]", '"x".repeat(300)'),
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
);

/** One statement of a generated pipeline module. */
const statement = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom("process.exit(0);", "process.exit(3);") },
  { weight: 1, arbitrary: fc.constantFrom('throw new Error("boom");', "throw 7;", "throw { a: 1 };") },
  { weight: 1, arbitrary: fc.constant('Promise.reject(new Error("late"));') },
  { weight: 1, arbitrary: fc.constantFrom("const = ;", "}{", "import x from;") },
);

/** A whole module: imports, a step and a pipeline built from hostile values, and one odd statement. */
const moduleText = fc
  .tuple(hostile, hostile, hostile, hostile, statement, fc.boolean())
  .map(([pipelineName, stepKey, script, output, extra, exported]) =>
    [
      'import { compute, pipeline, pythonScriptStep } from "@amlpipe/dsl";',
      "const any = (v: unknown) => v as never;",
      'const cpu = compute.amlCluster("cpu-cluster", { vmSize: "STANDARD_D2_V2", maxNodes: 2 });',
      `const step = pythonScriptStep(any(${stepKey}), { script: any(${script}), sourceDirectory: "steps" })`,
      "  .on(cpu)",
      `  .output(any(${output}));`,
      extra,
      `${exported ? "export default" : "export const p ="} pipeline(any(${pipelineName})).steps(step);`,
      "",
    ].join("\n"),
  );

describe("fuzzing pipeline modules (DSL input)", () => {
  it(`given ${RUNS} generated modules with hostile values, each ends in coded diagnostics: no crash, no stack trace, no hang`, async () => {
    const codes = new Set(Object.keys(DIAGNOSTIC_CODES));
    let index = 0;
    await fc.assert(
      fc.asyncProperty(moduleText, async (text) => {
        const file = `m${index++}.pipeline.ts`;
        writeFileSync(join(scratch, file), text);
        const run = await runCliCaptured(["validate", file, "--json"], {
          cwd: scratch,
          env: { AMLPIPE_LOAD_TIMEOUT_MS: "10000" },
        });
        expect([0, 1]).toContain(run.code);
        const result = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
        for (const d of result.diagnostics) expect(codes.has(d.code), d.code).toBe(true);
        expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 600_000);
});
