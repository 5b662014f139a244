import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";

/** One file of a tree, by its POSIX path relative to the tree's root. */
export interface TreeFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** Lists the files below `root` (sorted, POSIX paths), keeping those `keep` accepts. */
export function listFiles(
  root: string,
  keep: (relativePath: string, isDirectory: boolean) => boolean = () => true,
): string[] {
  const found: string[] = [];
  // `prefix` is the folder's POSIX path relative to the root, built as the walk descends (no
  // path.relative per file).
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (keep(`${rel}/`, true)) walk(join(dir, entry.name), `${rel}/`);
      } else if (entry.isFile() && keep(rel, false)) {
        found.push(rel);
      }
    }
  };
  if (existsSync(root) && statSync(root).isDirectory()) walk(root, "");
  return found.sort();
}

/** One buffer for every read: a file is hashed as it is read, never held whole, never streamed. */
const READ_BUFFER = Buffer.allocUnsafe(1024 * 1024);

/**
 * sha256 and size of one file, read synchronously through {@link READ_BUFFER}: one open, one fstat and
 * one read for a small file (a read stream per file cost ten times its hashing on trees of small
 * files), and large files go through the same buffer a megabyte at a time.
 */
export function hashFileSync(path: string): { size: number; sha256: string } {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    const expected = fstatSync(fd).size;
    let size = 0;
    for (;;) {
      const read = readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null);
      if (read === 0) break;
      hash.update(READ_BUFFER.subarray(0, read));
      size += read;
      // A small file is done when its size is read: no extra read to find the end.
      if (size === expected && read < READ_BUFFER.length) break;
    }
    return { size, sha256: hash.digest("hex") };
  } finally {
    closeSync(fd);
  }
}

/** Hashes every file of a tree (or a single file) and the tree as a whole (names and contents). */
export async function hashTree(
  root: string,
  keep?: (relativePath: string, isDirectory: boolean) => boolean,
): Promise<{ files: TreeFile[]; sha256: string }> {
  if (existsSync(root) && statSync(root).isFile()) {
    const { size, sha256 } = hashFileSync(root);
    return {
      files: [{ path: "", size, sha256 }],
      sha256: createHash("sha256").update(`file:${sha256}`).digest("hex"),
    };
  }
  const files: TreeFile[] = [];
  for (const path of listFiles(root, keep)) files.push({ path, ...hashFileSync(join(root, path)) });
  const whole = createHash("sha256");
  for (const file of files) whole.update(`${file.path}\0${file.sha256}\n`);
  return { files, sha256: whole.digest("hex") };
}
