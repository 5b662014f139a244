import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";

/** Options of {@link lowerPipeline}. */
export interface LowerOptions {
  /**
   * Absolute path (or file URL) of the compile root. Source positions and source directories in the IR
   * are made relative to it (string operations only: no I/O).
   */
  readonly root: string;
}

/**
 * Turns a DSL pipeline value into the IR. Problems the DSL could not prevent by types (e.g. a JS
 * caller passing a string where a Secret belongs) come back as diagnostics.
 * STUB: replaced by the DSL lowering work.
 */
export function lowerPipeline(
  _pipeline: unknown,
  _options: LowerOptions,
): { ir: PipelineIR | undefined; diagnostics: Diagnostic[] } {
  throw new Error("lowerPipeline: not implemented yet");
}
