import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  LOADER_HEAP_MB,
  LOADING_COMMANDS,
  prewarmForCommandLine,
  takePrewarmedLoader,
} from "../src/load/loader-prewarm.js";

/** Whether the command line started a loader worker (which is then ended). */
async function prewarms(argv: string[]): Promise<boolean> {
  prewarmForCommandLine(argv);
  const worker = takePrewarmedLoader(LOADER_HEAP_MB);
  await worker?.terminate();
  return worker !== undefined;
}

describe("the loader worker's head start from the command line", () => {
  it("given a loading command that names a module, starts the worker before the CLI loads", async () => {
    expect(await prewarms(["compile", "pipelines/train.pipeline.ts", "-o", "out"])).toBe(true);
    expect(await prewarms(["validate", "--no-typecheck", "a.mts"])).toBe(true);
    expect(await prewarms(["run", "p.js"])).toBe(true);
  });

  it("given anything else, starts nothing: no module, another command, help, or an option's value only", async () => {
    expect(await prewarms(["--version"])).toBe(false);
    expect(await prewarms(["validate", "out/p/pipeline.yaml"])).toBe(false);
    expect(await prewarms(["init", "x.ts"])).toBe(false);
    expect(await prewarms(["compile", "--help", "x.ts"])).toBe(false);
    expect(await prewarms(["compile", "--config=x.ts"])).toBe(false);
  });

  it("knows every command whose action prewarms the loader, and no other", () => {
    const commands = join(import.meta.dirname, "../src/commands");
    const prewarming = readdirSync(commands)
      .filter((file) => readFileSync(join(commands, file), "utf8").includes("prewarmLoaderFor("))
      .map((file) => file.replace(/\.ts$/, ""));
    expect([...LOADING_COMMANDS].sort()).toEqual(prewarming.sort());
  });
});
