import { redactSecrets, SECRET_NAME } from "../secrets/secret-patterns.js";
import { terminalText } from "./terminal-text.js";

/** A YAML list item that names a secret-sounding option (`- --password`): the next item is its value. */
const SECRET_OPTION_ITEM = new RegExp(
  `^\\s*-\\s*["']?--?[\\w-]*(?:${SECRET_NAME.source})[\\w-]*["']?\\s*$`,
  "i",
);
/** A flow-list or call argument pair: `"--password", "value"` or `--password, value`. */
const SECRET_OPTION_PAIR = new RegExp(
  `(["']?--?[\\w-]*(?:${SECRET_NAME.source})[\\w-]*["']?\\s*,\\s*)(["'][^"'\\n]*["']|[^,\\]\\s)]+)`,
  "gi",
);

/** Columns a tab advances to the next multiple of in a code frame (as rustc and most editors show). */
const TAB_WIDTH = 4;

/**
 * `text` with each tab replaced by spaces up to the next tab stop. A frame prints its own prefix
 * (`> 12 | `) before the line, so a terminal's tab stops would fall elsewhere than the caret's
 * arithmetic assumes; expanded here, the line and its caret agree.
 */
export function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  for (const c of text) out += c === "\t" ? " ".repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : c;
  return out;
}

/**
 * One source line as a code frame shows it: secret-shaped values and values of secret-sounding
 * options masked (also when the option stands on the line before, as a YAML list item: the case
 * AP501 flags), control characters escaped.
 */
export function frameLine(lines: readonly string[], index: number): string {
  const line = lines[index] ?? "";
  let shown = redactSecrets(line).replace(SECRET_OPTION_PAIR, (_m, option: string) => `${option}***`);
  if (index > 0 && SECRET_OPTION_ITEM.test(lines[index - 1] ?? ""))
    shown = shown.replace(/^(\s*-\s*).+$/, "$1***");
  return expandTabs(terminalText(shown));
}

/**
 * A code frame: the offending line with one line of context each side and a caret under the column,
 * like compilers print, with secrets masked. Takes the file already split into lines (split once per
 * file, not once per diagnostic). Empty when the line is not in the file.
 */
export function codeFrame(lines: readonly string[], line: number, col: number): string {
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${frameLine(lines, n - 1)}`);
    if (n === line) {
      // The caret sits under the column's character as shown: tabs before it count as expanded.
      const before = expandTabs(terminalText((lines[n - 1] ?? "").slice(0, Math.max(0, col - 1)))).length;
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(before)}^`);
    }
  }
  return out.join("\n");
}
