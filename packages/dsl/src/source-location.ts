import { findSourceMap, type SourceMap } from "node:module";

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

const asCallSites = (_error: Error, sites: NodeJS.CallSite[]): NodeJS.CallSite[] => sites;
/** Each file's source map (or null: none), looked up once. */
const sourceMaps = new Map<string, SourceMap | null>();

function isPackageFrame(file: string): boolean {
  return (
    file.startsWith("node:") ||
    PACKAGE_PREFIXES.some((prefix) => file.startsWith(prefix)) ||
    file.includes("/node_modules/")
  );
}

function sourceMapOf(file: string): SourceMap | null {
  let map = sourceMaps.get(file);
  if (map === undefined) {
    map = findSourceMap(file) ?? null;
    sourceMaps.set(file, map);
  }
  return map;
}

/**
 * Captures the user's source location from the current stack: the first frame outside this package.
 * Pure: it only reads the stack. The fast way reads V8's structured call sites (no stack text is
 * formatted or kept) and maps them through the file's source map, as tsx registers them; where
 * stacks are mapped by someone else (a test runner's own source-map support), the formatted stack is
 * read instead, so the line is always the one the user sees.
 */
export function captureSourceLocation(): SourceLocation {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 6;
  Error.prepareStackTrace = asCallSites;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder, captureSourceLocation);
  const sites = holder.stack ?? [];
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  for (const site of sites) {
    const file = site.getFileName();
    if (!file || isPackageFrame(file)) continue;
    const line = site.getLineNumber() ?? 0;
    const col = site.getColumnNumber() ?? 0;
    const entry = sourceMapOf(file)?.findEntry(line - 1, col - 1);
    if (entry && "originalLine" in entry)
      return {
        file: entry.originalSource || file,
        line: entry.originalLine + 1,
        col: entry.originalColumn + 1,
      };
    // No source map of Node's: the position is the file's own, unless something else maps stacks.
    return mapsStacksItself(prepare) ? fromFormattedStack() : { file, line, col };
  }
  return { file: "<unknown>", line: 0, col: 0 };
}

/**
 * Whether stacks are rewritten by someone other than Node (a test runner's source-map support):
 * Node's own formatter is absent or named `ErrorPrepareStackTrace`, and maps nothing when Node's
 * source maps are off.
 */
function mapsStacksItself(prepare: typeof Error.prepareStackTrace): boolean {
  if (prepare === undefined || process.sourceMapsEnabled) return false;
  return prepare.name !== "ErrorPrepareStackTrace";
}

/** The slow, always right way: the first non-package frame of a formatted (and so mapped) stack. */
function fromFormattedStack(): SourceLocation {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 8;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, file, row, col] = match;
    if (file === undefined || row === undefined || col === undefined || isPackageFrame(file)) continue;
    return { file, line: Number(row), col: Number(col) };
  }
  return { file: "<unknown>", line: 0, col: 0 };
}
