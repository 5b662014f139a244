import { type Diagnostic, diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { SourcePosition } from "../ir/source-position.js";
import { outsideProjectProblem, outsideSeverity, type ProjectPathOptions } from "../names/project-paths.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import type { ReadHost } from "./read-host.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** What {@link readSpecFile} needs of the reading in progress. */
export interface SpecFileContext {
  readonly host: ReadHost;
  readonly severity: Severity;
  readonly diagnostics: Diagnostic[];
  readonly allow: ProjectPathOptions;
}

/**
 * Reads a file a pipeline references (a runconfig, a parallel run config) and hands its parsed
 * document to `read`: AP110 when it lies outside the project (never read), AP104 when missing.
 */
export function readSpecFile<T>(
  file: string,
  at: SourcePosition,
  { host, severity, diagnostics, allow }: SpecFileContext,
  read: (cursor: YamlCursor) => T,
): T | undefined {
  const outside = outsideProjectProblem(file, allow);
  if (outside !== undefined) {
    // Never read it: its lines would end up in code frames, JSON and annotations.
    diagnostics.push(
      diagnostic("AP110", `referenced file "${file}" is not read: ${outside}`, {
        at: at,
        hint: "keep runconfig and parallel run config files inside the project, or allow the folder with --allow-outside DIR",
        severity: outsideSeverity(file, { absoluteSeverity: severity, ...allow }),
      }),
    );
    return undefined;
  }
  const text = host.readFile(file);
  if (text === undefined) {
    diagnostics.push(
      diagnostic("AP104", `referenced file "${file}" not found`, {
        at: at,
        hint: "amlpipe reads it relative to the pipeline YAML's folder; the Azure ML CLI and SDK resolve it against the working directory, so run them from that folder",
        severity: severity,
      }),
    );
    return undefined;
  }
  const cursor = parseYamlFile(file, text, diagnostics);
  return cursor ? read(cursor) : undefined;
}
