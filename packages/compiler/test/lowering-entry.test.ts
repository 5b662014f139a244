import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The loader worker imports `@amlpipe/compiler/lowering` on the critical path of `amlpipe compile
// x.ts`; its worth is what it does not load. This loads the built entry in a plain Node process and
// lists the CommonJS packages it brought in (they show in the module cache; `yaml` is one).
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

function loadedBy(specifier: string): { packages: string[]; exports: string[] } {
  const script = [
    "const { createRequire } = await import('node:module');",
    `const entry = await import(${JSON.stringify(specifier)});`,
    "const require = createRequire(import.meta.url);",
    "const cached = Object.keys(require.cache).map((f) => f.split('/node_modules/').pop().split('/')[0]);",
    "console.log(JSON.stringify({ packages: [...new Set(cached)].sort(), exports: Object.keys(entry).sort() }));",
  ].join("\n");
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: PACKAGE,
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the loader worker's entry of the compiler", () => {
  it("given @amlpipe/compiler/lowering, it loads no YAML library and exports lowering and the rules", () => {
    const lowering = loadedBy("@amlpipe/compiler/lowering");
    expect(lowering.exports).toEqual(["checkPipeline", "diagnostic", "lowerPipeline", "lowerScriptRun"]);
    expect(lowering.packages).not.toContain("yaml");
    // The full entry does load it: the check above can see it.
    expect(loadedBy("@amlpipe/compiler").packages).toContain("yaml");
  });
});
