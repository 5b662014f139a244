import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type Diagnostic,
  type DiagnosticFormat,
  formatDiagnostics,
  outsideProjectProblem,
} from "@amlpipe/compiler";
import { workspaceRelative } from "./ci/github-paths.js";
import type { CliIo } from "./cli-io.js";

/**
 * Prints diagnostics: human text (with code frames read from the user's files) to stderr, GitHub
 * annotations to stdout (where the runner reads them). JSON is left to the caller, which embeds the
 * diagnostics in its own JSON result.
 */
export function printDiagnostics(
  io: CliIo,
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
): void {
  // -q keeps errors only; JSON results always carry everything.
  if (io.verbosity === "quiet" && format !== "json")
    diagnostics = diagnostics.filter((d) => d.severity === "error");
  if (diagnostics.length === 0 || format === "json") return;
  // GitHub finds an annotation's file from the repository root, not from where amlpipe ran.
  const shown =
    format === "github" ? workspaceRelative(diagnostics, io.cwd, io.env.GITHUB_WORKSPACE) : diagnostics;
  const text = formatDiagnostics(shown, {
    format,
    color: format === "human" && stderrColors(io),
    readSource: (file) => readShownSource(io.cwd, file),
  });
  if (format === "github") io.stdout(text);
  else io.stderr(text);
}

/** Colour on stderr: FORCE_COLOR (not 0) forces it, NO_COLOR turns it off, else the stream decides. */
export function stderrColors(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (io.env.NO_COLOR !== undefined || force === "0" || force === "false") return false;
  return io.stderrColors === true;
}

/** Files whose lines a code frame may show: pipeline sources and the YAML files amlpipe reads. */
const SHOWN_SOURCE = /\.(?:[cm]?[jt]s|ya?ml|runconfig)$/;

/**
 * The text of `file` for a code frame, or undefined when it may not be shown: only pipeline source
 * files inside the project root are echoed, so a diagnostic position (from a crafted manifest.json,
 * say) can never print `/etc/passwd` or a `../credentials` file.
 */
export function readShownSource(cwd: string, file: string): string | undefined {
  if (!SHOWN_SOURCE.test(file) || outsideProjectProblem(file) !== undefined) return undefined;
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch {
    return undefined;
  }
}
