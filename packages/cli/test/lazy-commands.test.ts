import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/**
 * Runs the built CLI with a module-resolution hook that records every module it loads, so the
 * test sees what a start-up really costs (not what the source files seem to import).
 */
function modulesLoadedBy(args: string[], expectedStatus = 0): string[] {
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-lazy-"));
  const log = join(dir, "loaded.txt");
  writeFileSync(log, "");
  const hooks = join(dir, "hooks.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + "\\n");
  return resolved;
}`,
  );
  const register = join(dir, "register.mjs");
  writeFileSync(
    register,
    `import { register } from "node:module"; register(${JSON.stringify(`file://${hooks}`)});`,
  );
  const result = spawnSync(process.execPath, ["--import", register, BIN, ...args], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(expectedStatus);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

describe("start-up cost", () => {
  it("given --version or --help, no command's implementation is loaded (no compiler, runtime, yaml, ini, glob or completion)", () => {
    for (const args of [["--version"], ["--help"], ["compile", "--help"]]) {
      const heavy = modulesLoadedBy(args).filter((url) =>
        /\/(compiler|runtime|dsl)\/dist\/|\/node_modules\/(yaml|ini|tinyglobby|@bomb\.sh)\/|\/cli\/dist\/actions\//.test(
          url,
        ),
      );
      expect(heavy, args.join(" ")).toEqual([]);
    }
  });

  it("given a command that runs, its implementation is loaded after all (the hook sees real loading)", () => {
    const loaded = modulesLoadedBy(["validate", "--help"]).length;
    const compiled = modulesLoadedBy(["validate", "no-such-pipeline.yaml"], 1);
    expect(compiled.some((url) => url.includes("/compiler/dist/"))).toBe(true);
    expect(compiled.length).toBeGreaterThan(loaded);
  });
});

describe("the prewarmed loader", () => {
  it("given a .ts input that is not there, compile ends at once: the loader started early does not hold the process", () => {
    // Were the waiting worker to keep the process alive, it would never end: the timeout kills it (status null).
    const result = spawnSync(process.execPath, [BIN, "compile", "no-such.pipeline.ts", "-o", "out"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no-such.pipeline.ts");
  });
});
