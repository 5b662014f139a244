import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { ReadHost } from "@amlpipe/compiler";

/**
 * A {@link ReadHost} over the real file system: the compiler's reader asks for files by POSIX paths
 * relative to `root`, and this answers from disk.
 */
export function createFsReadHost(root: string): ReadHost {
  return {
    readFile(path) {
      const full = resolve(root, path);
      try {
        return statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
    exists(path) {
      return existsSync(resolve(root, path));
    },
  };
}
