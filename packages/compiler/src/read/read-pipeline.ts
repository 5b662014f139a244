import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { ReadHost } from "./read-host.js";

/** Options of {@link readPipeline}. */
export interface ReadOptions {
  /** POSIX path (relative to the compile root) of the pipeline YAML to read. */
  readonly path: string;
  readonly host: ReadHost;
  /**
   * Severity of "referenced file not found" (AP104): `warning` for `validate` of files written on another
   * machine, `error` for `run` and `submit`. @default "warning"
   */
  readonly missingFileSeverity?: Severity;
}

/**
 * Reads a v1 pipeline YAML (and, when they sit beside it as in a compiled directory, computes/,
 * datastores/, runconfigs/, schedules/ and manifest.json) into the IR, with every problem as a coded
 * diagnostic at its file:line:col. Accepts the documented format's looseness.
 * STUB: replaced by the reader work.
 */
export function readPipeline(_options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  throw new Error("readPipeline: not implemented yet");
}
