import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLocal } from "../src/index.js";
import { project, UPPER_PY } from "./local-fixture.js";

/** Step `a` writes upper.txt; step `b` reads it and (when `tamper`) appends to its input folder. */
const TAMPER_PY = `import sys, os
src, out = sys.argv[1], sys.argv[2]
try:
    open(os.path.join(src, "extra.txt"), "w").write("tampered")
except OSError:
    pass
os.makedirs(out, exist_ok=True)
open(os.path.join(out, "seen.txt"), "w").write(",".join(sorted(os.listdir(src))))
`;

function twoSteps() {
  return project({
    "steps/upper.py": UPPER_PY,
    "steps/tamper.py": TAMPER_PY,
    "data/in.txt": "hello",
    "out/pipeline.yaml": [
      "pipeline:",
      "  name: results",
      "  data_references:",
      "    raw: {datastore: files, path_on_datastore: in.txt}",
      "  steps:",
      "    a:",
      "      type: PythonScriptStep",
      "      script_name: upper.py",
      "      source_directory: ../steps",
      "      arguments: [input:i, output:o]",
      "      inputs: {i: {source: raw}}",
      "      outputs: {o: {destination: a_o}}",
      "    b:",
      "      type: PythonScriptStep",
      "      script_name: tamper.py",
      "      source_directory: ../steps",
      "      arguments: [input:i, output:o]",
      "      inputs: {i: {source: a_o}}",
      "      outputs: {o: {destination: b_o}}",
      "",
    ].join("\n"),
  });
}

describe("committed local results", () => {
  it("given a step that writes into its input (an earlier step's result), the next run does not reuse the changed result", async () => {
    const { root, ir } = twoSteps();
    const options = { root, compiledDir: "out", data: { raw: "data/in.txt" } };
    const first = await runLocal(ir, options);
    expect(first.record?.status).toBe("succeeded");
    const aOut = first.record?.steps.find((s) => s.key === "a")?.outputs?.o ?? "";
    // Read-only for everyone but root, so b's write fails; root ignores permissions, the write goes
    // through, and the hash check on reuse is what catches it.
    const isRoot = process.getuid?.() === 0;
    expect(readdirSync(aOut).includes("extra.txt")).toBe(isRoot);
    if (!isRoot) expect(statSync(aOut).mode & 0o222).toBe(0);
    const second = await runLocal(ir, options);
    const a = second.record?.steps.find((s) => s.key === "a");
    expect(a?.status).toBe(isRoot ? "succeeded" : "reused");
    if (isRoot) expect(a?.reuse).toContain("changed after its run (o)");
    expect(readdirSync(a?.outputs?.o ?? "")).toEqual(["upper.txt"]);
  });

  it("given a committed result changed by hand, the next run runs the step again instead of reusing it", async () => {
    const { root, ir } = twoSteps();
    const options = { root, compiledDir: "out", data: { raw: "data/in.txt" } };
    const first = await runLocal(ir, options);
    const bOut = first.record?.steps.find((s) => s.key === "b")?.outputs?.o ?? "";
    const file = join(bOut, "seen.txt");
    chmodSync(bOut, 0o755);
    chmodSync(file, 0o644);
    writeFileSync(file, "forged");
    const second = await runLocal(ir, options);
    const b = second.record?.steps.find((s) => s.key === "b");
    expect(b?.status).toBe("succeeded");
    expect(b?.reuse).toContain("changed after its run (o)");
  });

  it("given a done.json cut short (a crash while it was written), the next run runs the step again and leaves no working folder", async () => {
    const { root, ir } = twoSteps();
    const options = { root, compiledDir: "out", data: { raw: "data/in.txt" } };
    const first = await runLocal(ir, options);
    const aOut = first.record?.steps.find((s) => s.key === "a")?.outputs?.o ?? "";
    const marker = join(dirname(dirname(aOut)), "done.json");
    const text = readFileSync(marker, "utf8");
    writeFileSync(marker, text.slice(0, text.length - 3));
    const second = await runLocal(ir, options);
    const [a, b] = ["a", "b"].map((key) => second.record?.steps.find((s) => s.key === key));
    expect(a?.status).toBe("succeeded");
    expect(a?.reuse).toContain("the earlier result is gone");
    expect(JSON.parse(readFileSync(marker, "utf8")).runId).toBe(second.record?.id);
    // The same output content again: b's inputs are unchanged, and its result stands.
    expect(b?.status).toBe("reused");
    expect(readdirSync(join(root, ".amlpipe", "work"))).toEqual([]);
  });

  it("given three runs of one pipeline at once on one state folder, all succeed (the lock serialises commits)", async () => {
    const { root, ir } = twoSteps();
    const options = { root, compiledDir: "out", data: { raw: "data/in.txt" } };
    const runs = await Promise.all([runLocal(ir, options), runLocal(ir, options), runLocal(ir, options)]);
    expect(runs.map((r) => r.record?.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });
});
