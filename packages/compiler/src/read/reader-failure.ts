import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";

/** A reader bug as a diagnostic at the file's first line: it must never end as a crash in the user's face. */
export function readerFailure(path: string, error: unknown): Diagnostic {
  return diagnostic(
    "AP101",
    `the reader failed on this file: ${error instanceof Error ? error.message : String(error)}`,
    {
      at: { file: path, line: 1, col: 1 },
      hint: "this is an amlpipe bug: please report it with the file",
    },
  );
}
