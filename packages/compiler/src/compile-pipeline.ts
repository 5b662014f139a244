import type { EmitOptions } from "./compiled-directory/emit-options.js";
import type { CompiledFile, CompileTarget } from "./compiled-file.js";
import { type Diagnostic, hasErrors } from "./diagnostics/diagnostic.js";
import { emitV1 } from "./emit-v1/emit-v1.js";
import { emitV2 } from "./emit-v2/emit-v2.js";
import type { PipelineIR } from "./ir/pipeline.js";
import { checkPipeline } from "./rules/check-pipeline.js";

/** Options of {@link compilePipeline}. */
export interface CompileOptions extends EmitOptions {
  /** @default "v1" */
  readonly target?: CompileTarget;
}

/** What {@link compilePipeline} returns: files only when no error was found. */
export interface CompileResult {
  readonly files: readonly CompiledFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks the IR with every rule and, when no rule reported an error, emits the compiled directory's
 * files for the target. Pure and deterministic: the same IR gives byte-identical files.
 */
export function compilePipeline(ir: PipelineIR, options: CompileOptions): CompileResult {
  const target = options.target ?? "v1";
  const ruleDiagnostics = checkPipeline(ir, { target });
  if (hasErrors(ruleDiagnostics)) return { files: [], diagnostics: ruleDiagnostics };
  const emit = target === "v2" ? emitV2 : emitV1;
  const emitted = emit(ir, options);
  const diagnostics = [...ruleDiagnostics, ...emitted.diagnostics];
  return { files: hasErrors(diagnostics) ? [] : emitted.files, diagnostics };
}
