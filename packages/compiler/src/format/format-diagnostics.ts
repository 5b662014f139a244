import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codeFrame } from "./code-frame.js";
import { githubAnnotation } from "./github-annotation.js";

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

function human(diagnostic: Diagnostic, options: FormatOptions): string {
  const paint = (style: keyof typeof PAINT, text: string) =>
    options.color ? `${PAINT[style]}${text}${PAINT.reset}` : text;
  const where = diagnostic.at ? `${diagnostic.at.file}:${diagnostic.at.line}:${diagnostic.at.col}: ` : "";
  const lines = [
    `${paint("bold", where)}${paint(diagnostic.severity, diagnostic.severity)} ${diagnostic.code}: ${diagnostic.message}`,
  ];
  if (diagnostic.at && diagnostic.at.line > 0) {
    const source = options.readSource?.(diagnostic.at.file);
    const frame = source === undefined ? "" : codeFrame(source, diagnostic.at.line, diagnostic.at.col);
    if (frame) lines.push(paint("dim", frame));
  }
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  if (diagnostic.fix) lines.push(`  fix: ${diagnostic.fix.description}`);
  return lines.join("\n");
}

/**
 * Formats diagnostics: human text (location, message, code frame, hint, a summary line), JSON (an
 * array), or GitHub workflow annotation lines.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  if (options.format === "json") return `${JSON.stringify(diagnostics, null, 2)}\n`;
  if (options.format === "github") return diagnostics.map((d) => `${githubAnnotation(d)}\n`).join("");
  if (diagnostics.length === 0) return "";
  return `${diagnostics.map((d) => human(d, options)).join("\n\n")}\n\n${summaryLine(diagnostics)}\n`;
}
