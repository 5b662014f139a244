import type { AnyStep } from "@amlpipe/dsl";

/**
 * Every step the pipeline runs: the listed ones and, before them, every step they read data from or
 * run after (depth-first, so producers come before consumers). Each step object appears once; a cycle
 * cannot be built with immutable values, so none is guarded against here (rule AP200 checks the IR).
 */
export function collectSteps(listed: readonly AnyStep[]): AnyStep[] {
  const ordered: AnyStep[] = [];
  const seen = new Set<AnyStep>();
  const visit = (step: AnyStep) => {
    if (seen.has(step)) return;
    seen.add(step);
    for (const binding of [...step.def.inputs, ...step.def.sideInputs]) {
      if (binding.source.kind === "step_output") visit(binding.source.step);
    }
    for (const before of step.def.after) visit(before);
    ordered.push(step);
  };
  for (const step of listed) visit(step);
  return ordered;
}
