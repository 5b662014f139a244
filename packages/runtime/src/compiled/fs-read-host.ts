import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { outsideProjectProblem, type ProjectPathOptions, type ReadHost } from "@amlpipe/compiler";
import { decodeText } from "../fs/decode-text.js";

/**
 * A {@link ReadHost} over the real file system: the compiler's reader asks for files by POSIX paths
 * relative to `root`, and this answers from disk. Paths outside the root (absolute, or climbing out
 * with `..`) are neither read nor probed unless an `allowOutside` folder holds them: the reader
 * reports them as AP110, and this is the second line of defence.
 */
export function createFsReadHost(root: string, options: ProjectPathOptions = {}): ReadHost {
  const allowed = (path: string) => outsideProjectProblem(path, options) === undefined;
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
      return allowed(path) && existsSync(resolve(root, path));
    },
  };
}
