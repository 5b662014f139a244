import { posix } from "node:path";
import type { Severity } from "../diagnostics/diagnostic.js";

/** Options shared by the reader and the lowering about files outside the project root. */
export interface ProjectPathOptions {
  /**
   * Folders outside the project root (POSIX, relative to the root, e.g. `../shared-steps`) that the
   * user allowed with `--allow-outside`. Everything else outside the root is refused (AP110).
   */
  readonly allowOutside?: readonly string[];
  /**
   * Severity of an absolute path (AP110): such paths come from files written on another machine
   * (`D:\\scripts`), so `validate` warns and `run`/`submit` refuse. They are never read either way.
   * Paths that climb out of the root with `..` are always errors. @default "error"
   */
  readonly absoluteSeverity?: Severity;
  /**
   * The root as an absolute POSIX path, when known. With it, a path that leaves the root and comes
   * back (`../../work/p/steps` from `/work/p`) is made canonical (`steps`) instead of being refused.
   */
  readonly absoluteRoot?: string;
}

/** `path` (root-relative POSIX) in its shortest form relative to the root, when the root is known. */
export function canonicalPath(path: string, options: ProjectPathOptions): string {
  const root = options.absoluteRoot;
  if (root === undefined || !posix.isAbsolute(root)) return path;
  if (posix.isAbsolute(path)) {
    // An absolute path inside the project is the project's own: keep it relative to the root.
    const inside = posix.relative(root, path);
    return inside === "" ? "." : inside.startsWith("..") ? path : inside;
  }
  if (!path.startsWith("..")) return path;
  return posix.relative(root, posix.resolve(root, path)) || ".";
}

/**
 * A root-relative path as written in a compiled file (relative to the compiled folder, through
 * `outputToRoot`). An absolute path (from a file written on another machine: AP110 says so) is
 * written as it is, never glued onto the relative prefix.
 */
export function pathFromOutput(outputToRoot: string, path: string): string {
  const slashes = path.replace(/\\/g, "/");
  return isAbsoluteAnywhere(slashes) ? slashes : posix.normalize(posix.join(outputToRoot, slashes));
}

/** The AP110 severity of a path that {@link outsideProjectProblem} refused. */
export function outsideSeverity(path: string, options: ProjectPathOptions): Severity {
  return isAbsoluteAnywhere(path) ? (options.absoluteSeverity ?? "error") : "error";
}

/** True for `/x`, `\\x` and drive-letter paths (`D:/x`, `D:\\x`), whatever the machine. */
export function isAbsoluteAnywhere(path: string): boolean {
  return posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\");
}

function within(path: string, folder: string): boolean {
  const normal = posix.normalize(folder).replace(/\/$/, "");
  return path === normal || path.startsWith(`${normal}/`);
}

/**
 * Why a root-relative POSIX path may not be read, or undefined when it may: it is absolute, or it
 * climbs above the project root and no `--allow-outside` folder holds it. Pure string work.
 */
export function outsideProjectProblem(path: string, options: ProjectPathOptions = {}): string | undefined {
  if (path.includes("\u0000")) return "it holds a NUL character";
  if (isAbsoluteAnywhere(path)) return "it is an absolute path";
  const normal = posix.normalize(path.replace(/\\/g, "/"));
  if (normal !== ".." && !normal.startsWith("../")) return undefined;
  if ((options.allowOutside ?? []).some((folder) => within(normal, folder))) return undefined;
  return "it is outside the project root";
}
