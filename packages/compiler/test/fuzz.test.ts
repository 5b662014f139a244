import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPipeline,
  compilePipeline,
  DIAGNOSTIC_CODES,
  formatDiagnostics,
  hasErrors,
  readPipeline,
} from "../src/index.js";
import { fuzzDocuments } from "./support/fuzz-documents.js";
import { memoryHost } from "./support/memory-host.js";

// CI runs a small number; `AMLPIPE_FUZZ_RUNS=100000` runs the big campaign (scripts/fuzz.mjs).
const RUNS = Number(process.env.AMLPIPE_FUZZ_RUNS ?? 500);
const docs = new URL("./fixtures/docs/", import.meta.url);
const golden = new URL("./golden/every-kind/pipeline.yaml", import.meta.url);
const examples = [
  ...readdirSync(docs)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => readFileSync(new URL(f, docs), "utf8")),
  readFileSync(golden, "utf8"),
];

describe("fuzzing the reader, the rules and the formatters", () => {
  it(
    `given ${RUNS} generated documents, every one ends in coded diagnostics: no exception, no hang, no stack trace`,
    () => {
      let slowest = 0;
      fc.assert(
        fc.property(fuzzDocuments(examples), (text) => {
          const started = performance.now();
          const { ir, diagnostics } = readPipeline({
            path: "f/pipeline.yaml",
            host: memoryHost({ "f/pipeline.yaml": text }),
          });
          const all = ir ? [...diagnostics, ...checkPipeline(ir)] : diagnostics;
          const lineCount = text.split(/\r\n|\r|\n/).length;
          for (const d of all) {
            expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
            // Positions are inside the document: never past its end, never before line 1.
            if (d.at?.file === "f/pipeline.yaml") expect(d.at.line).toBeGreaterThanOrEqual(1);
            if (d.at?.file === "f/pipeline.yaml") expect(d.at.line).toBeLessThanOrEqual(lineCount);
            // The reader's last-resort catch (an internal bug) must never be reached.
            expect(d.message).not.toContain("the reader failed");
          }
          // What the reader accepts, the compiler emits: AP105 ("amlpipe bug") is never the answer.
          if (ir && !hasErrors(all)) {
            const compiled = compilePipeline(ir, {
              target: "v1",
              outputToRoot: ".",
              toolVersion: "t",
              schemaDirectory: ".",
            });
            expect(compiled.diagnostics.filter((d) => d.code === "AP105")).toEqual([]);
          }
          const human = formatDiagnostics(all, { format: "human", color: false, readSource: () => text });
          const github = formatDiagnostics(all, { format: "github", color: false });
          expect(human + github).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
          // Nothing from the file reaches a terminal raw: no escape character in human output.
          expect(human).not.toContain("\u001b");
          slowest = Math.max(slowest, performance.now() - started);
        }),
        { numRuns: RUNS },
      );
      // A hang shows up as one document taking seconds; generous bound for a loaded CI machine.
      expect(slowest).toBeLessThan(10_000);
    },
    RUNS * 60 + 60_000,
  );
});
