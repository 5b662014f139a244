import type { AnyStep } from "@amlpipe/dsl";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { LowerContext } from "./lower-context.js";

const SOURCE_KINDS = new Set(["step_output", "data_reference", "dataset", "local_path", "sql", "param"]);

/**
 * Inputs bound to something that is no DSL data (typically `undefined`, read through an untyped
 * record: `(prep.outputs as any).clen`): AP201 at the `.input()` line, instead of a crash while the
 * pipeline is lowered. Walks the steps as collectSteps does, guarded.
 */
export function unboundInputs(listed: readonly AnyStep[], context: LowerContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<AnyStep>();
  const visit = (step: AnyStep) => {
    if (seen.has(step)) return;
    seen.add(step);
    for (const binding of [...step.def.inputs, ...step.def.sideInputs]) {
      const source = binding.source as { kind?: unknown; step?: AnyStep } | undefined | null;
      if (source === null || typeof source !== "object" || !SOURCE_KINDS.has(String(source.kind))) {
        diagnostics.push(
          diagnostic(
            "AP201",
            `input "${binding.name}" of step "${step.name}" is bound to ${String(source)}, which is no data`,
            {
              at: context.position(binding.location),
              hint: "pass another step's output (step.outputs.name, as declared with .output()), a data reference, a dataset or a datapath parameter",
            },
          ),
        );
        continue;
      }
      if (source.kind === "step_output" && source.step) visit(source.step);
    }
    for (const before of step.def.after) visit(before);
  };
  for (const step of listed) visit(step);
  return diagnostics;
}
