import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Diagnostic, diagnostic } from "@amlpipe/compiler";
import { globSync, isDynamicPattern } from "tinyglobby";

/**
 * The inputs a command was given, with glob patterns expanded (tinyglobby, the syntax of
 * fast-glob: `examples/**\/*.pipeline.ts`, `{a,b}/pipeline.yaml`), for shells that pass a pattern
 * through unexpanded (Windows, a quoted argument in CI). A path that exists is taken as it is, even
 * when it looks like a pattern; a pattern that matches nothing is AP902, never silently no input.
 * Sorted within a pattern, each input once, in the order given.
 */
export function expandInputs(
  patterns: readonly string[],
  cwd: string,
): { inputs: string[]; diagnostics: Diagnostic[] } {
  const inputs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const pattern of patterns) {
    if (existsSync(resolve(cwd, pattern)) || !isDynamicPattern(pattern)) {
      inputs.push(pattern);
      continue;
    }
    const matches = globSync(pattern, { cwd, onlyFiles: false, ignore: ["**/node_modules/**"] }).sort();
    if (matches.length === 0)
      diagnostics.push(
        diagnostic("AP902", `"${pattern}" matches no file or folder`, {
          hint: "check the pattern (globs are matched from the working folder; node_modules is skipped)",
        }),
      );
    inputs.push(...matches);
  }
  return { inputs: [...new Set(inputs)], diagnostics };
}
