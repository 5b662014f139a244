import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type PipelineIR, readPipeline } from "@amlpipe/compiler";
import { createFsReadHost } from "../src/index.js";

/** A temporary project: files written from a map, and the pipeline YAML read through the real reader. */
export function project(files: Record<string, string>): { root: string; ir: PipelineIR } {
  const root = mkdtempSync(join(tmpdir(), "amlpipe-local-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { mode: path.endsWith(".sh") ? 0o755 : 0o644 });
  }
  const { ir, diagnostics } = readPipeline({
    path: "out/pipeline.yaml",
    host: createFsReadHost(root),
    missingFileSeverity: "error",
  });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!ir || errors.length > 0) throw new Error(`fixture does not read: ${JSON.stringify(errors)}`);
  return { root, ir };
}

/** A Python step script that records when it started and ended, sleeps, and writes its output. */
export const SLEEPER_PY = `import sys, time, os, json
out, seconds = sys.argv[1], float(sys.argv[2])
start = time.time()
time.sleep(seconds)
os.makedirs(out, exist_ok=True)
open(os.path.join(out, "times.json"), "w").write(json.dumps({"start": start, "end": time.time()}))
`;

/** A Python step that copies its input file's text, upper-cased, to its output folder. */
export const UPPER_PY = `import sys, os
src, out = sys.argv[1], sys.argv[2]
text = open(src).read() if os.path.isfile(src) else "".join(open(os.path.join(src, f)).read() for f in sorted(os.listdir(src)))
os.makedirs(out, exist_ok=True)
open(os.path.join(out, "upper.txt"), "w").write(text.upper())
`;
