import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codeFrame } from "./code-frame.js";
import { githubAnnotation } from "./github-annotation.js";
import { sourceLines, terminalText } from "./terminal-text.js";

/** Output formats of diagnostics. */
export type DiagnosticFormat = "human" | "json" | "github";

/** Options of {@link formatDiagnostics}. */
export interface FormatOptions {
  readonly format: DiagnosticFormat;
  /** ANSI colour (human format only; the CLI turns it on for a TTY only). */
  readonly color: boolean;
  /** Source text of a file named in `at.file`, for code frames. */
  readonly readSource?: (file: string) => string | undefined;
}

const PAINT = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  dim: "\x1b[2m",
  bold: "\x1b[1m",
  reset: "\x1b[0m",
};

/** "2 errors, 1 warning" */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Diagnostics shown in full per file; the rest are counted (a file with 10,000 warnings stays readable). */
export const MAX_SHOWN_PER_FILE = 50;

function human(
  diagnostic: Diagnostic,
  options: FormatOptions,
  lines: (file: string) => string[] | undefined,
): string {
  const paint = (style: keyof typeof PAINT, text: string) =>
    options.color ? `${PAINT[style]}${text}${PAINT.reset}` : text;
  const where = diagnostic.at ? `${diagnostic.at.file}:${diagnostic.at.line}:${diagnostic.at.col}: ` : "";
  const out = [
    `${paint("bold", terminalText(where))}${paint(diagnostic.severity, diagnostic.severity)} ${diagnostic.code}: ${terminalText(diagnostic.message)}`,
  ];
  if (diagnostic.at && diagnostic.at.line > 0) {
    const source = lines(diagnostic.at.file);
    const frame = source === undefined ? "" : codeFrame(source, diagnostic.at.line, diagnostic.at.col);
    if (frame) out.push(paint("dim", frame));
  }
  if (diagnostic.hint) out.push(`  hint: ${terminalText(diagnostic.hint)}`);
  if (diagnostic.fix) out.push(`  fix: ${terminalText(diagnostic.fix.description)}`);
  return out.join("\n");
}

/**
 * Formats diagnostics: human text (location, message, code frame, hint, a summary line), JSON (an
 * array), or GitHub workflow annotation lines.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  if (options.format === "json") return `${JSON.stringify(diagnostics, null, 2)}\n`;
  if (options.format === "github") return diagnostics.map((d) => `${githubAnnotation(d)}\n`).join("");
  if (diagnostics.length === 0) return "";
  const cache = new Map<string, string[] | undefined>();
  const lines = (file: string) => {
    if (!cache.has(file)) {
      const text = options.readSource?.(file);
      cache.set(file, text === undefined ? undefined : sourceLines(text));
    }
    return cache.get(file);
  };
  const shownPerFile = new Map<string, number>();
  const shown: string[] = [];
  for (const diagnostic of diagnostics) {
    const file = diagnostic.at?.file ?? "";
    const count = (shownPerFile.get(file) ?? 0) + 1;
    shownPerFile.set(file, count);
    if (count <= MAX_SHOWN_PER_FILE) shown.push(human(diagnostic, options, lines));
  }
  for (const [file, count] of shownPerFile)
    if (count > MAX_SHOWN_PER_FILE)
      shown.push(
        `${terminalText(file || "(no file)")}: ${count - MAX_SHOWN_PER_FILE} more diagnostics not shown (--json lists them all)`,
      );
  return `${shown.join("\n\n")}\n\n${summaryLine(diagnostics)}\n`;
}
