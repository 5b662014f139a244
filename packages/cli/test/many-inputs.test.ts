import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const examples = readdirSync(join(root, "examples")).filter((d) =>
  existsSync(join(root, "examples", d, "pipeline.ts")),
);

describe("several inputs and glob patterns", () => {
  it("given two files, compiles both into one output folder", async () => {
    const out = mkdtempSync(join(tmpdir(), "amlpipe-many-"));
    const run = await runCliCaptured(
      ["compile", "examples/demo/pipeline.ts", "examples/aml-cluster/pipeline.ts", "-o", out, "--json"],
      { cwd: root },
    );
    expect(run.code, run.stderr).toBe(0);
    const names = JSON.parse(run.stdout).pipelines.map((p: { name: string }) => p.name);
    expect(names).toEqual(["demo", "aml-cluster-training"]);
    for (const name of names) expect(existsSync(join(out, name, "pipeline.yaml"))).toBe(true);
  });

  it("given a quoted glob (as CI and Windows pass it), validates every file it matches, each once", async () => {
    const run = await runCliCaptured(
      ["validate", "examples/*/pipeline.ts", "examples/demo/pipeline.ts", "--json"],
      {
        cwd: root,
      },
    );
    const result = JSON.parse(run.stdout) as { pipelines: { origin: string }[] };
    const origins = [...new Set(result.pipelines.map((p) => p.origin.split("/")[1]))].sort();
    expect(origins).toEqual([...examples].sort());
    expect(result.pipelines.filter((p) => p.origin === "examples/demo/pipeline.ts")).toHaveLength(1);
  });

  it("given a pattern that matches nothing, exits 1 with AP902 naming it, never a silent success", async () => {
    const run = await runCliCaptured(
      ["validate", "examples/demo/pipeline.ts", "pipelines/**/*.pipeline.ts"],
      {
        cwd: root,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error AP902: "pipelines/**/*.pipeline.ts" matches no file or folder');
  });
});
