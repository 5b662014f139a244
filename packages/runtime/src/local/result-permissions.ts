import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

function walk(path: string, mode: (isDirectory: boolean) => number, dirsLast: boolean): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    chmodSync(path, mode(false));
    return;
  }
  if (!dirsLast) chmodSync(path, mode(true));
  for (const entry of readdirSync(path)) walk(join(path, entry), mode, dirsLast);
  if (dirsLast) chmodSync(path, mode(true));
}

/**
 * Makes a committed step result read-only (files 0444, folders 0555), so a later step that reads it
 * cannot append to it. Root ignores permissions, so reuse also checks the result's hashes
 * (execute-local.ts): a changed result is run again, never reused.
 */
export function makeReadOnly(dir: string): void {
  if (existsSync(dir)) walk(dir, (isDirectory) => (isDirectory ? 0o555 : 0o444), true);
}

/** Makes a result writable again before it is replaced or deleted. */
export function makeWritable(dir: string): void {
  if (existsSync(dir)) walk(dir, (isDirectory) => (isDirectory ? 0o755 : 0o644), false);
}
