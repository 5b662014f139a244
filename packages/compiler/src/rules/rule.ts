import type { CompileTarget } from "../compiled-file.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";

/** A mutation of the rules' example pipeline (`example-pipeline.ts`) that shows a rule at work. */
export interface RuleExample {
  /** What the mutation does, in a few words (shown in test names). */
  readonly what: string;
  readonly mutate: (ir: PipelineIR) => PipelineIR;
  /** For a firing example: the line the rule must point at. */
  readonly line?: number;
  /** For a firing example whose finding is softer than the code's catalogue severity. */
  readonly severity?: Severity;
  /** For a passing example: other codes it is meant to raise (a neighbour rule's case). */
  readonly alsoFires?: readonly DiagnosticCode[];
}

/**
 * A rule of the catalogue: one definition object per file, listed in `rules/index.ts` (or by its
 * step kind). Its examples are its test fixtures: every `fires` case must raise the rule at `line`,
 * and every `passes` case (a near miss) must raise nothing but its `alsoFires`.
 */
export interface Rule {
  readonly code: DiagnosticCode;
  readonly examples: { readonly fires: readonly RuleExample[]; readonly passes: readonly RuleExample[] };
  /** Only for these targets (e.g. the v2 rules); all targets when absent. */
  readonly targets?: readonly CompileTarget[];
  check(ir: PipelineIR): Diagnostic[];
}

/** Up to `max` names closest to `wanted` (shared prefix, then edit distance), for "did you mean" hints. */
export function closest(wanted: string, names: Iterable<string>, max = 3): string[] {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] ?? 0;
        row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? 0;
  };
  return [...new Set(names)]
    .map((name) => ({ name, d: distance(wanted.toLowerCase(), name.toLowerCase()) }))
    .filter(({ d, name }) => d <= Math.max(2, Math.floor(name.length / 2)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, max)
    .map(({ name }) => name);
}
