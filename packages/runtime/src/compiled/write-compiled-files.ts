import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { CompiledFile } from "@amlpipe/compiler";

/**
 * Writes a compiled directory all at once: files go to a sibling temporary folder that then replaces
 * `outDir`, so a failure half-way never leaves a mix of old and new files behind.
 */
export function writeCompiledFiles(outDir: string, files: readonly CompiledFile[]): void {
  const target = resolve(outDir);
  const staging = `${target}.amlpipe-tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
