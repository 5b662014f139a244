import type { CompiledFile } from "../compiled-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EmitOptions } from "../emit-v1/emit-v1.js";
import type { PipelineIR } from "../ir/pipeline.js";

/**
 * Writes the v2 pipeline job YAML (`pipeline.yaml` with `type: pipeline`) plus attach specs and the
 * manifest, checked against the shipped v2 schema. Steps with no v2 form give AP700 errors.
 * STUB: replaced by the v2 target work.
 */
export function emitV2(
  _ir: PipelineIR,
  _options: EmitOptions,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  throw new Error("emitV2: not implemented yet");
}
