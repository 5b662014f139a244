import type { Diagnostic } from "../diagnostics/diagnostic.js";

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

/**
 * Formats diagnostics: human (message, `file:line:col`, code frame, hint), JSON (an array), or GitHub
 * workflow annotation lines (`::error file=…,line=…,col=…,title=CODE::message`).
 * STUB (minimal): replaced by the formatter work.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  if (options.format === "json") return `${JSON.stringify(diagnostics, null, 2)}\n`;
  return diagnostics
    .map((d) => {
      const at = d.at ? `${d.at.file}:${d.at.line}:${d.at.col}: ` : "";
      return `${at}${d.severity} ${d.code}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ""}\n`;
    })
    .join("");
}
