import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ignore from "ignore";

/**
 * Which files of a source directory go into its snapshot: `.amlignore` when present, else
 * `.gitignore` (as Azure ML does), with the same gitignore syntax (the `ignore` package). `.git` and
 * `node_modules` never go.
 */
export function snapshotFilter(sourceDirectory: string): (relativePath: string) => boolean {
  const rules = ignore().add([".git/", "node_modules/"]);
  for (const file of [".amlignore", ".gitignore"]) {
    const path = join(sourceDirectory, file);
    if (existsSync(path)) {
      rules.add(readFileSync(path, "utf8"));
      break;
    }
  }
  return (relativePath) => !rules.ignores(relativePath);
}
