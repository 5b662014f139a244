/** Where the user created a DSL object: a file (path or file URL as V8 reports it) and 1-based line/col. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

// Frames inside this package's code are skipped: the user's line is the first other frame. Both
// src/ and dist/ are the package's own: with source maps on, frames of dist/ are reported at src/.
const PACKAGE_FOLDERS = [new URL("../src/", import.meta.url), new URL("../dist/", import.meta.url)];
const PACKAGE_PREFIXES = PACKAGE_FOLDERS.flatMap((url) => [url.href, decodeURIComponent(url.pathname)]);
const FRAME = /(?:\(|\s)((?:file:\/\/)?\/[^\s()]+|[A-Za-z]:\\[^\s()]+):(\d+):(\d+)\)?\s*$/;

/**
 * Captures the user's source location from the current stack. Pure: it only reads a stack string.
 * Works under tsx and vitest (both map stacks to the `.ts` source).
 */
export function captureSourceLocation(): SourceLocation {
  // A short stack is enough (the user's frame is a few frames up) and far cheaper to format.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 6;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, file, row, col] = match;
    if (file === undefined || row === undefined || col === undefined) continue;
    if (file.startsWith("node:") || PACKAGE_PREFIXES.some((prefix) => file.startsWith(prefix))) continue;
    if (file.includes("/node_modules/")) continue;
    return { file, line: Number(row), col: Number(col) };
  }
  return { file: "<unknown>", line: 0, col: 0 };
}
