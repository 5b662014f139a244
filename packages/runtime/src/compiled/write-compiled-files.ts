import { dirname, resolve } from "node:path";
import type { CompiledFile } from "@amlpipe/compiler";
import { below, GuardedFs } from "../fs/path-guard.js";

/**
 * Writes one pipeline's compiled directory, `<outRoot>/<name>/`, all at once: files go to a sibling
 * temporary folder that then replaces the old directory, so a failure half-way never leaves a mix of
 * old and new files behind. The directory and every file in it must lie strictly below `outRoot`
 * (a name like `..` or `.` can never make this delete the project or a sibling pipeline): anything
 * else throws {@link OutsideRootError} before a byte is written or deleted.
 */
export function writeCompiledFiles(outRoot: string, name: string, files: readonly CompiledFile[]): string {
  const fs = new GuardedFs(outRoot);
  const target = fs.check(name);
  if (dirname(target) !== fs.root) throw new Error(`pipeline folder name "${name}" must be one plain name`);
  const staging = fs.check(`.${name}.amlpipe-tmp-${process.pid}`);
  for (const file of files) below(staging, file.path); // all refused before anything is touched
  fs.remove(staging);
  try {
    for (const file of files) {
      const path = below(staging, file.path);
      fs.mkdir(dirname(path));
      fs.write(path, file.text);
    }
    fs.remove(target);
    fs.rename(staging, target);
  } catch (error) {
    fs.remove(staging);
    throw error;
  }
  return resolve(target);
}
