import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

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
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join("/");
      if (entry.isDirectory()) {
        if (keep(`${rel}/`, true)) walk(full);
      } else if (entry.isFile() && keep(rel, false)) {
        found.push(rel);
      }
    }
  };
  if (existsSync(root) && statSync(root).isDirectory()) walk(root);
  return found.sort();
}

/** Files up to this size are read whole: a read stream per small file costs more than its hashing. */
const READ_WHOLE_BYTES = 1024 * 1024;

/** sha256 of one file; large ones streamed (large data files never sit in memory whole). */
export function hashFile(path: string, size = statSync(path).size): Promise<string> {
  if (size <= READ_WHOLE_BYTES)
    return Promise.resolve(createHash("sha256").update(readFileSync(path)).digest("hex"));
  return new Promise((resolvePromise, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolvePromise(hash.digest("hex")));
  });
}

/** Hashes every file of a tree (or a single file) and the tree as a whole (names and contents). */
export async function hashTree(
  root: string,
  keep?: (relativePath: string, isDirectory: boolean) => boolean,
): Promise<{ files: TreeFile[]; sha256: string }> {
  if (existsSync(root) && statSync(root).isFile()) {
    const sha256 = await hashFile(root);
    return {
      files: [{ path: "", size: statSync(root).size, sha256 }],
      sha256: createHash("sha256").update(`file:${sha256}`).digest("hex"),
    };
  }
  const files: TreeFile[] = [];
  for (const path of listFiles(root, keep)) {
    const full = join(root, path);
    const size = statSync(full).size;
    files.push({ path, size, sha256: await hashFile(full, size) });
  }
  const whole = createHash("sha256");
  for (const file of files) whole.update(`${file.path}\0${file.sha256}\n`);
  return { files, sha256: whole.digest("hex") };
}
