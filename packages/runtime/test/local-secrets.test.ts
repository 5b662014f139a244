import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskingStream } from "../src/local/mask-secrets.js";
import { runStepAction } from "../src/local/run-step-process.js";

const CANARY = "CANARY-secret-7731";

async function masked(chunks: string[], secrets: string[]): Promise<string> {
  let out = "";
  const stream = Readable.from(chunks.map((c) => Buffer.from(c))).pipe(maskingStream(secrets));
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe("secrets and local steps", () => {
  it("given a secret the pipeline names, the step's environment does not hold it, and a value printed anyway is masked in the log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-secret-step-"));
    const log = join(dir, "step.log");
    process.env.AMLPIPE_TEST_TOKEN = CANARY;
    try {
      const script = `import os\nprint("env:", os.environ.get("AMLPIPE_TEST_TOKEN"))\nprint("leak:", "${CANARY}")\n`;
      const result = await runStepAction(
        { kind: "process", command: "python3", args: ["-c", script], env: {} },
        dir,
        log,
        undefined,
        ["AMLPIPE_TEST_TOKEN"],
      );
      expect(result.exitCode).toBe(0);
      const text = readFileSync(log, "utf8");
      expect(text).toContain("env: None");
      expect(text).toContain("leak: ***");
      expect(text).not.toContain(CANARY);
    } finally {
      delete process.env.AMLPIPE_TEST_TOKEN;
    }
  });

  it("given no secret value set, the step writes straight into its log: stdout and stderr in the order written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-plain-step-"));
    const log = join(dir, "step.log");
    const script = `import sys\nprint("one", flush=True)\nprint("two", file=sys.stderr, flush=True)\nprint("three", flush=True)\nsys.exit(3)\n`;
    const result = await runStepAction(
      { kind: "process", command: "python3", args: ["-c", script], env: {} },
      dir,
      log,
      undefined,
      ["AMLPIPE_TEST_UNSET_TOKEN"],
    );
    expect(result.exitCode).toBe(3);
    expect(readFileSync(log, "utf8")).toBe("one\ntwo\nthree\n");
    const missing = await runStepAction(
      { kind: "process", command: "/no/such/tool", args: [], env: {} },
      dir,
      log,
    );
    expect(missing.exitCode).toBeNull();
    expect(missing.error).toContain('could not start "/no/such/tool"');
  });

  it("given any split of the output into chunks, every occurrence of a secret is masked and nothing else changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(CANARY), fc.string({ maxLength: 8 })), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (parts, cuts) => {
          const text = parts.join("");
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, text.length]
            .slice(1)
            .map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
          expect(
            await masked(
              chunks.filter((c) => c !== ""),
              [CANARY],
            ),
          ).toBe(text.split(CANARY).join("***"));
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});
