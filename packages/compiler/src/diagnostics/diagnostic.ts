import type { SourcePosition } from "../ir/source-position.js";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "./codes.js";

/** How bad a finding is: errors stop compile/run/submit, warnings do not. */
export type Severity = "error" | "warning" | "info";

/** A mechanical fix: an edit a tool can apply (`--fix`), described as data. */
export interface DiagnosticFix {
  /** One line saying what the fix does. */
  readonly description: string;
  /** What to change, in the terms of the input it applies to. */
  readonly edits: readonly FixEdit[];
}

/**
 * One edit of a fix, as intent: the CLI applies it to the source (`amlpipe validate --fix`).
 * `read_from_store`: the input `input` at `file:line` (an AdlaStep's `.input(...)` call) must read the
 * same path on `datastore` instead (U-SQL reads only the account's default store; copying the data
 * there is a separate, earlier job, since a v1 pipeline cannot order a step after a copy).
 */
export type FixEdit =
  | { readonly kind: "insert_ts"; readonly file: string; readonly line: number; readonly text: string }
  | {
      readonly kind: "read_from_store";
      readonly file: string;
      readonly line: number;
      readonly input: string;
      readonly datastore: string;
      /** The path the input read on its own store, now read on `datastore`. */
      readonly path: string;
      /** The name of the new data reference. */
      readonly reference: string;
    }
  | { readonly kind: "set_yaml"; readonly file: string; readonly yamlPath: string; readonly value: unknown };

/**
 * A finding about a pipeline: data, not an exception. Collected in one pass and formatted at the
 * edge (code frame, JSON, GitHub annotations).
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong, in the user's words, quoting the bad value; lowercase start. */
  readonly message: string;
  /** Where: the `.ts` line that created the object, or the YAML line (with its path). */
  readonly at?: SourcePosition;
  /** How to fix it. */
  readonly hint?: string;
  readonly fix?: DiagnosticFix;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Where and how a diagnostic applies, besides its code and message. */
export interface DiagnosticDetails {
  readonly at?: SourcePosition | undefined;
  readonly hint?: string | undefined;
  readonly fix?: DiagnosticFix | undefined;
  /** Overrides the catalogue's severity (e.g. a missing file that is only a warning when told so). */
  readonly severity?: Severity | undefined;
}

/**
 * The one way to make a diagnostic: its severity comes from the catalogue (`DIAGNOSTIC_CODES`) unless
 * `details.severity` says otherwise, and absent details stay absent.
 */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  details: DiagnosticDetails = {},
): Diagnostic {
  return {
    code,
    severity: details.severity ?? DIAGNOSTIC_CODES[code].severity,
    message,
    ...(details.at ? { at: details.at } : {}),
    ...(details.hint ? { hint: details.hint } : {}),
    ...(details.fix ? { fix: details.fix } : {}),
  };
}
