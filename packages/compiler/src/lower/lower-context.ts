import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceLocation } from "@amlpipe/dsl";
import type { SourcePosition } from "../ir/source-position.js";
import { isAbsoluteAnywhere } from "../names/project-paths.js";

/**
 * Turns the DSL's absolute source locations into the IR's root-relative POSIX positions. Pure string
 * work on paths: nothing is read from disk.
 */
export class LowerContext {
  readonly root: string;

  constructor(root: string) {
    this.root = root.startsWith("file:") ? fileURLToPath(root) : resolve(root);
  }

  /** The absolute file path of a DSL location (V8 reports paths or file URLs). */
  absoluteFile(location: SourceLocation): string {
    return location.file.startsWith("file:") ? fileURLToPath(location.file) : location.file;
  }

  /** Each DSL file's root-relative path: a pipeline's thousands of positions name a handful of files. */
  private readonly relativeFiles = new Map<string, string>();

  /** A DSL location as an IR position, relative to the root. */
  position(location: SourceLocation): SourcePosition {
    if (location.line === 0) return { file: location.file, line: 0, col: 0 };
    let file = this.relativeFiles.get(location.file);
    if (file === undefined) {
      file = this.relativePath(this.absoluteFile(location));
      this.relativeFiles.set(location.file, file);
    }
    return { file, line: location.line, col: location.col };
  }

  /** A source directory declared in `location`'s file, as a POSIX path relative to the root. */
  sourceDirectory(directory: string, location: SourceLocation): string {
    // A Windows path from another machine (`D:\\scripts`, an imported file's) is kept as written, in
    // slashes: resolving it here would glue it onto this folder. AP110 refuses to read it.
    if (isAbsoluteAnywhere(directory) && !isAbsolute(directory)) return directory.replace(/\\/g, "/");
    const base = location.line === 0 ? this.root : dirname(this.absoluteFile(location));
    return this.relativePath(isAbsolute(directory) ? directory : resolve(base, directory)) || ".";
  }

  private relativePath(absolute: string): string {
    const rel = relative(this.root, absolute);
    return sep === "/" ? rel : rel.split(sep).join("/");
  }
}
