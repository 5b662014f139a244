import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { armResourceIdOf } from "../kinds/computes/index.js";
import { at } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * The workspace's subscription and group, which the pipeline does not know: resources that name
 * neither are compared as living there.
 */
const WORKSPACE_SCOPE = { subscriptionId: "<workspace subscription>", resourceGroup: "<workspace group>" };

/** The underlying Azure resource of a compute, as a comparable key (undefined when it attaches none). */
export function resourceKey(compute: ComputeIR): string | undefined {
  return armResourceIdOf(compute, WORKSPACE_SCOPE)?.toLowerCase();
}

/** `ir` with a second ADLA compute, `adla2`, attaching the account `accountName`. */
function withAdlaAccount(ir: PipelineIR, accountName: string): PipelineIR {
  const adla2 = {
    kind: "adla",
    name: "adla2",
    accountName,
    resourceGroup: "rg",
    defaultDatastore: "lake",
    source: at(9),
  } as const;
  return { ...ir, computes: [...ir.computes, adla2] };
}

/** AP304: one Azure resource attached under two compute names: each new attachment breaks the earlier ones. */
export const resourceAttachedTwiceRule: Rule = {
  code: "AP304",
  examples: {
    fires: [
      {
        what: "the ADLA account is attached again as adla2",
        line: 9,
        mutate: (ir) => withAdlaAccount(ir, "a"),
      },
    ],
    passes: [
      {
        what: "a second ADLA account of another name",
        mutate: (ir) => withAdlaAccount(ir, "b"),
      },
    ],
  },
  check(ir) {
    const seen = new Map<string, ComputeIR>();
    return ir.computes.flatMap((compute) => {
      const key = resourceKey(compute);
      if (key === undefined) return [];
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, compute);
        return [];
      }
      if (earlier.name === compute.name) return [];
      return [
        diagnostic(
          "AP304",
          `computes "${earlier.name}" and "${compute.name}" attach the same resource; attaching it twice breaks the first attachment`,
          { at: compute.source, hint: `use "${earlier.name}" everywhere` },
        ),
      ];
    });
  },
};

/**
 * AP304 across pipelines compiled or validated together (a folder, several files): one resource
 * attached under two names by two pipelines breaks the first attachment at the second submit, as
 * surely as within one. Reported at the second compute's line, naming the first's file and line.
 */
export function resourceAttachedTwiceAcross(pipelines: readonly PipelineIR[]): Diagnostic[] {
  const seen = new Map<string, { compute: ComputeIR; pipeline: string }>();
  const out: Diagnostic[] = [];
  for (const ir of pipelines)
    for (const compute of ir.computes) {
      const key = resourceKey(compute);
      if (key === undefined) continue;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { compute, pipeline: ir.name });
        continue;
      }
      // The same name again is the same attachment; within one pipeline, the rule itself reports it.
      if (earlier.compute.name === compute.name || earlier.pipeline === ir.name) continue;
      const there = earlier.compute.source;
      out.push(
        diagnostic(
          "AP304",
          `compute "${compute.name}" of pipeline "${ir.name}" attaches the resource that pipeline "${earlier.pipeline}" attaches as "${earlier.compute.name}" (${there.file}:${there.line}); attaching it twice breaks the first attachment`,
          { at: compute.source, hint: `use the name "${earlier.compute.name}" in both pipelines` },
        ),
      );
    }
  return out;
}
