import * as crypto from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { isInside } from "../fs/path-guard.js";

/** One file of a tree, by its POSIX path relative to the tree's root. */
export interface TreeFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A symbolic link a snapshot refuses: it leads out of the folder, nowhere, or back up into itself. */
export interface RefusedLink {
  /** The link's POSIX path relative to the tree's root. */
  readonly path: string;
  readonly why: string;
}

/**
 * Thrown when a snapshot's folder holds links it cannot follow (AP904): one that leads outside the
 * folder would upload files the user never put there, a dangling one has nothing to upload, and one
 * that leads to a folder above it never ends. Every such link is listed, so one run names them all.
 */
export class RefusedLinksError extends Error {
  /** The diagnostic code this maps to. */
  readonly code = "AP904";
  constructor(
    readonly root: string,
    readonly links: readonly RefusedLink[],
  ) {
    const shown = links
      .slice(0, 5)
      .map((l) => `${l.path} (${l.why})`)
      .join(", ");
    super(
      `"${root}" holds symbolic links a snapshot cannot follow: ${shown}${links.length > 5 ? ` and ${links.length - 5} more` : ""}`,
    );
    this.name = "RefusedLinksError";
  }
  /** What to do about it. */
  get hint(): string {
    return `copy the files into "${this.root}", point the links inside it, or list them in .amlignore (see docs/rules/AP904.md)`;
  }
}

/**
 * How a walk treats symbolic links: `inside` follows those that stay within the root (as a snapshot
 * must) and refuses the rest; `any` follows every link that leads somewhere (a data input the step
 * reads through its links anyway) and passes over dangling and looping ones.
 */
export type LinkPolicy = "inside" | "any";

/**
 * Lists the files below `root` (sorted, POSIX paths), keeping those `keep` accepts. Symbolic links
 * are followed as `links` says: a linked file is listed under the link's path, a linked folder is
 * walked; under `inside`, links that cannot be followed throw {@link RefusedLinksError}, naming
 * every one.
 */
export function listFiles(
  root: string,
  keep: (relativePath: string, isDirectory: boolean) => boolean = () => true,
  links: LinkPolicy = "any",
): string[] {
  const found: string[] = [];
  const refused: RefusedLink[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) return found;
  const realRoot = realpathSync(root);
  // `prefix` is the folder's POSIX path relative to the root, built as the walk descends (no
  // path.relative per file); `above` holds the real paths of the folders being walked, to find loops.
  const walk = (dir: string, prefix: string, above: readonly string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let real = "";
      if (entry.isSymbolicLink()) {
        const followed = followLink(join(dir, entry.name), realRoot, above, links);
        if ("why" in followed) {
          // A snapshot refuses it, unless the user ignores it (as a file or as a folder); a data
          // input's hash passes over it, as the step finds nothing to read there either.
          if (links === "inside" && keep(rel, false) && keep(`${rel}/`, true))
            refused.push({ path: rel, why: followed.why });
          continue;
        }
        ({ isDirectory, isFile, real } = followed);
      }
      if (isDirectory) {
        if (keep(`${rel}/`, true))
          walk(join(dir, entry.name), `${rel}/`, [...above, real || join(above.at(-1) ?? "", entry.name)]);
      } else if (isFile && keep(rel, false)) {
        found.push(rel);
      }
    }
  };
  walk(root, "", [realRoot]);
  if (refused.length > 0) throw new RefusedLinksError(root, refused);
  return found.sort();
}

/** Where a symbolic link leads, or why a walk under `links` must not follow it. */
function followLink(
  path: string,
  realRoot: string,
  above: readonly string[],
  links: LinkPolicy,
): { isDirectory: boolean; isFile: boolean; real: string } | { why: string } {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { why: `points to "${readlinkSync(path)}", which does not exist` };
  }
  if (links === "inside" && !isInside(realRoot, real)) return { why: `leads outside, to "${real}"` };
  const stats = statSync(real);
  if (stats.isDirectory() && above.some((folder) => isInside(real, folder)))
    return { why: "leads to a folder that holds it, a loop" };
  return { isDirectory: stats.isDirectory(), isFile: stats.isFile(), real };
}

/** One buffer for every read: a file is hashed as it is read, never held whole, never streamed. */
const READ_BUFFER = Buffer.allocUnsafe(1024 * 1024);

/**
 * sha256 of a buffer as hex, in one call where Node has `crypto.hash` (20.12 and later; the
 * packages run on 20.11, where a Hash object does the same).
 */
const oneShotSha256: (data: Buffer) => string =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * sha256 and size of one file, read synchronously through {@link READ_BUFFER}: one open and one read
 * for a file under a megabyte (a read stream per file cost ten times its hashing on trees of small
 * files), and larger files go through the same buffer a megabyte at a time.
 */
export function hashFileSync(path: string): { size: number; sha256: string } {
  const fd = openSync(path, "r");
  try {
    const first = readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null);
    // A read of a regular file that does not fill the buffer has reached its end: a small file is
    // one open, one read and one close, hashed in one call (no Hash object to collect).
    if (first < READ_BUFFER.length)
      return { size: first, sha256: oneShotSha256(READ_BUFFER.subarray(0, first)) };
    const hash = crypto.createHash("sha256");
    let size = 0;
    for (let read = first; read > 0; read = readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null)) {
      hash.update(READ_BUFFER.subarray(0, read));
      size += read;
    }
    return { size, sha256: hash.digest("hex") };
  } finally {
    closeSync(fd);
  }
}

/**
 * Hashes every file of a tree (or a single file) and the tree as a whole (names and contents),
 * following symbolic links as `links` says (see {@link listFiles}).
 */
export async function hashTree(
  root: string,
  keep?: (relativePath: string, isDirectory: boolean) => boolean,
  links: LinkPolicy = "any",
): Promise<{ files: TreeFile[]; sha256: string }> {
  if (existsSync(root) && statSync(root).isFile()) {
    const { size, sha256 } = hashFileSync(root);
    return {
      files: [{ path: "", size, sha256 }],
      sha256: crypto.createHash("sha256").update(`file:${sha256}`).digest("hex"),
    };
  }
  const files: TreeFile[] = [];
  for (const path of listFiles(root, keep, links)) files.push({ path, ...hashFileSync(join(root, path)) });
  const whole = crypto.createHash("sha256");
  for (const file of files) whole.update(`${file.path}\0${file.sha256}\n`);
  return { files, sha256: whole.digest("hex") };
}
