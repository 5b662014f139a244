import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Under vitest, stacks are rewritten by the runner, so captures read the formatted stack. Outside it,
// they read V8's structured call sites: this runs the built DSL in plain Node to check that path.
const DSL = new URL("../dist/index.js", import.meta.url).href;

function locationsInPlainNode(flags: string[]): { step: unknown; compute: unknown; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-location-"));
  const file = join(dir, "where.mjs");
  writeFileSync(
    file,
    [
      `import { compute, pythonScriptStep } from ${JSON.stringify(DSL)};`,
      "",
      'const cpu = compute.amlCluster("cpu");',
      "const step =",
      '    pythonScriptStep("a", { script: "a.py", sourceDirectory: "." });',
      "console.log(JSON.stringify({ step: step.def.location, compute: cpu.location }));",
      "",
    ].join("\n"),
  );
  const result = spawnSync(process.execPath, [...flags, file], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return { ...JSON.parse(result.stdout), file: pathToFileURL(file).href };
}

describe("source locations outside a test runner", () => {
  for (const flags of [[], ["--enable-source-maps"]]) {
    it(`given plain Node ${flags.join(" ") || "(no flags)"}, a DSL call records the user's file, line and column`, () => {
      const { step, compute, file } = locationsInPlainNode(flags);
      expect(compute).toEqual({ file, line: 3, col: 21 });
      expect(step).toEqual({ file, line: 5, col: 5 });
    });
  }
});
