import { copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { hashTree, type TreeFile } from "./hash-tree.js";
import { snapshotFilter } from "./snapshot-filter.js";

/** A snapshot of a source directory: its files with their content hashes, and one hash for all. */
export interface Snapshot {
  readonly sha256: string;
  readonly files: readonly TreeFile[];
  readonly bytes: number;
}

/**
 * Hashes a source directory as Azure ML would snapshot it (honouring .amlignore / .gitignore).
 * Symbolic links that stay inside the folder are followed; any other throws `RefusedLinksError`
 * (AP904) rather than being left out in silence.
 */
export async function takeSnapshot(sourceDirectory: string): Promise<Snapshot> {
  const keep = snapshotFilter(sourceDirectory);
  const { files, sha256 } = await hashTree(sourceDirectory, (path) => keep(path), "inside");
  return { sha256, files, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

/**
 * Stores a snapshot's files in a content-addressed object store (`<store>/<sha256>`): a file already
 * there is not copied again. Returns how many files and bytes were new.
 */
export function storeSnapshot(
  sourceDirectory: string,
  snapshot: Snapshot,
  store: string,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  mkdirSync(store, { recursive: true });
  for (const file of snapshot.files) {
    const object = join(store, file.sha256);
    if (existsSync(object)) continue;
    const temporary = `${object}.tmp-${process.pid}`;
    copyFileSync(join(sourceDirectory, file.path), temporary);
    renameSync(temporary, object);
    files++;
    bytes += file.size;
  }
  return { files, bytes };
}

/** Recreates a snapshot's files in `target` from the object store. */
export function materializeSnapshot(snapshot: Snapshot, store: string, target: string): void {
  for (const file of snapshot.files) {
    const destination = join(target, file.path);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(store, file.sha256), destination);
  }
}
