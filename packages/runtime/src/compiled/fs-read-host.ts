import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { outsideProjectProblem, type ProjectPathOptions, type ReadHost } from "@amlpipe/compiler";
import { decodeText } from "../fs/decode-text.js";

/**
 * A {@link ReadHost} over the real file system: the compiler's reader asks for files by POSIX paths
 * relative to `root`, and this answers from disk. Paths outside the root (absolute, or climbing out
 * with `..`) are neither read nor probed unless an `allowOutside` folder holds them: the reader
 * reports them as AP110, and this is the second line of defence. A host is one read's view: whether a
 * path exists is asked of the disk once (10,000 steps naming one script ask 10,000 times).
 */
export function createFsReadHost(root: string, options: ProjectPathOptions = {}): ReadHost {
  const allowed = (path: string) => outsideProjectProblem(path, options) === undefined;
  const existing = new Map<string, boolean>();
  return {
    readFile(path) {
      if (!allowed(path)) return undefined;
      const full = resolve(root, path);
      try {
        return statSync(full).isFile() ? decodeText(readFileSync(full)) : undefined;
      } catch {
        return undefined;
      }
    },
    exists(path) {
      let found = existing.get(path);
      if (found === undefined) {
        found = allowed(path) && existsSync(resolve(root, path));
        existing.set(path, found);
      }
      return found;
    },
  };
}
