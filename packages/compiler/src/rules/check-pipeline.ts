import type { CompileTarget } from "../compiled-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { RULES } from "./index.js";

/** Options of {@link checkPipeline}. */
export interface CheckOptions {
  /** Target-specific rules (AP7xx) run only for their target. @default "v1" */
  readonly target?: CompileTarget;
}

/** Orders diagnostics by file, line, column, then code: stable output whatever the rule order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.at?.file ?? "";
  const fb = b.at?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (
    (a.at?.line ?? 0) - (b.at?.line ?? 0) ||
    (a.at?.col ?? 0) - (b.at?.col ?? 0) ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

/** Runs every rule of the catalogue over the IR and returns all findings, in a stable order. */
export function checkPipeline(ir: PipelineIR, options: CheckOptions = {}): Diagnostic[] {
  const target = options.target ?? "v1";
  return RULES.filter((rule) => !rule.targets || rule.targets.includes(target))
    .flatMap((rule) => rule.check(ir))
    .sort(compareDiagnostics);
}
