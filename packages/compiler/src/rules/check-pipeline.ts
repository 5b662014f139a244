import type { CompileTarget } from "../compiled-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";

/** Options of {@link checkPipeline}. */
export interface CheckOptions {
  /** Target-specific rules (AP7xx) run only for their target. @default "v1" */
  readonly target?: CompileTarget;
}

/**
 * Runs every rule of the catalogue over the IR and returns all findings, in a stable order.
 * STUB: replaced by the rule catalogue work.
 */
export function checkPipeline(_ir: PipelineIR, _options: CheckOptions = {}): Diagnostic[] {
  return [];
}
