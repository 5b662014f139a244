import { fileURLToPath } from "node:url";

/**
 * Finds the line and column in `file` from an error's stack, so a pipeline module that throws while
 * loading is reported at the user's line rather than with a stack trace.
 */
export function positionInFile(error: unknown, file: string): { line: number; col: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/gm)) {
    const [, location, line, col] = match;
    if (location === undefined || line === undefined || col === undefined) continue;
    const path = location.startsWith("file://") ? fileURLToPath(location) : location;
    if (path === file) return { line: Number(line), col: Number(col) };
  }
  return undefined;
}
