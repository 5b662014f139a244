import type { CompiledFile } from "../compiled-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";

/** Options of {@link emitV1}. */
export interface EmitOptions {
  /**
   * POSIX path from the output directory back to the compile root (e.g. `../..`). `source_directory`
   * values are written relative to the output directory through it.
   */
  readonly outputToRoot: string;
  /** Recorded in manifest.json. */
  readonly toolVersion: string;
}

/**
 * Writes the v1 compiled directory's files (pipeline.yaml, computes/, datastores/, runconfigs/,
 * schedules/, manifest.json), each checked against its shipped JSON Schema. Deterministic.
 * STUB: replaced by the emitter work.
 */
export function emitV1(
  _ir: PipelineIR,
  _options: EmitOptions,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  throw new Error("emitV1: not implemented yet");
}
