import type { DiagnosticFormat } from "@amlpipe/compiler";
import { Option } from "commander";

/** Shared `--format`/`--json` options. */
export function formatOptions(): Option[] {
  return [
    new Option("--format <format>", "diagnostics as human text, json, or GitHub workflow annotations")
      .choices(["human", "json", "github"])
      .default("human"),
    new Option("--json", "print one JSON result on stdout (same as --format json)"),
  ];
}

/** Output format options shared by every command that reports diagnostics. */
export interface DiagnosticOutputOptions {
  readonly format?: DiagnosticFormat;
  readonly json?: boolean;
}

/** The diagnostic format chosen by `--format` / `--json` (json wins). */
export function chosenFormat(options: DiagnosticOutputOptions): DiagnosticFormat {
  return options.json ? "json" : (options.format ?? "human");
}
