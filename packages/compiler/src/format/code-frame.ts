import { redactSecrets } from "../secrets/secret-patterns.js";

/**
 * A code frame: the offending line with one line of context each side and a caret under the column,
 * like compilers print, with secrets masked. Empty when the line is not in the text.
 */
export function codeFrame(source: string, line: number, col: number): string {
  const lines = source.split(/\r?\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${redactSecrets(lines[n - 1] ?? "")}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, col - 1))}^`);
  }
  return out.join("\n");
}
