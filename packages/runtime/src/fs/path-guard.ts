import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Thrown when a write, delete or read would touch a path outside the folder it belongs to. Names are
 * checked earlier (AP109), so this is the second line of defence: it should never fire on a pipeline
 * that passed the reader, and when it does, nothing has been touched.
 */
export class OutsideRootError extends Error {
  /** The diagnostic code this maps to. */
  readonly code = "AP903";
  constructor(
    readonly root: string,
    readonly path: string,
  ) {
    super(`refused to touch "${path}": it is outside "${root}"`);
    this.name = "OutsideRootError";
  }
}

/** True when `path` is `root` itself or lies below it (both absolute, no symlink resolution). */
export function isInside(root: string, path: string, allowRoot = true): boolean {
  const rel = relative(resolve(root), resolve(path));
  if (rel === "") return allowRoot;
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Resolves `segments` below `root` and returns the absolute path, or throws {@link OutsideRootError}
 * when the result is not strictly below `root` (so a name of `.`, `..`, `/x` or `a/../../b` can never
 * make a delete or write land on `root` itself or anywhere else). NUL bytes are refused too.
 */
export function below(root: string, ...segments: string[]): string {
  // Each segment must stay below the path before it: `below(r, "work", "..")` would otherwise be
  // `r` itself, still "inside r", and deleting it would take every sibling with it.
  let path = resolve(root);
  for (const segment of segments) {
    const next = resolve(path, segment);
    if (segment.includes("\u0000") || !isInside(path, next, false))
      throw new OutsideRootError(resolve(root), next);
    path = next;
  }
  if (path === resolve(root)) throw new OutsideRootError(path, path);
  return path;
}

/** Like {@link below}, but `root` itself is allowed too (a datastore path of "" or "/"). */
export function within(root: string, ...segments: string[]): string {
  const path = resolve(root, ...segments);
  if (segments.some((s) => s.includes("\u0000")) || !isInside(root, path, true))
    throw new OutsideRootError(resolve(root), path);
  return path;
}

/**
 * The file operations that may change a user's disk, each refusing a target outside `root`. Every
 * write and delete of the runtime and the CLI goes through one of these.
 */
export class GuardedFs {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  /** `path` (absolute or relative to root) checked to be strictly below root. */
  check(path: string): string {
    return below(this.root, path);
  }
  /** Deletes a file or folder below root (recursive, no error when absent). */
  remove(path: string): void {
    rmSync(this.check(path), { recursive: true, force: true });
  }
  /** Creates a folder (and its parents) below root. */
  mkdir(path: string): string {
    const checked = this.check(path);
    mkdirSync(checked, { recursive: true });
    return checked;
  }
  /** Writes a file below root. */
  write(path: string, data: string | Uint8Array): void {
    writeFileSync(this.check(path), data);
  }
  /** Renames within root. */
  rename(from: string, to: string): void {
    renameSync(this.check(from), this.check(to));
  }
}
