import { posix } from "node:path";
import type { CompiledFile, ReadHost } from "../../src/index.js";

/** A ReadHost over in-memory files (POSIX paths relative to the root); folders exist when a file is below. */
export function memoryHost(files: Record<string, string>): ReadHost {
  const normalized = Object.fromEntries(Object.entries(files).map(([p, t]) => [posix.normalize(p), t]));
  return {
    readFile: (path) => normalized[posix.normalize(path)],
    exists: (path) => {
      const p = posix.normalize(path);
      return p in normalized || Object.keys(normalized).some((f) => f.startsWith(`${p}/`));
    },
  };
}

/** The files of a compiled directory placed under `dir`, plus extra files, as a host. */
export function hostForCompiled(
  dir: string,
  files: readonly CompiledFile[],
  extra: Record<string, string> = {},
): ReadHost {
  return memoryHost({ ...Object.fromEntries(files.map((f) => [`${dir}/${f.path}`, f.text])), ...extra });
}
