import { diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { withBatch, withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The example pipeline with an AzureBatchStep on an existing pool, changed by `patch` (for AP401 and AP408). */
export function batchStep(ir: PipelineIR, patch: Record<string, unknown>): PipelineIR {
  return withNewStep(withBatch(ir), {
    type: "AzureBatchStep",
    key: "b",
    compute: "batch",
    executable: "run.sh",
    vmSize: "standard_d1_v2",
    deleteBatchJobAfterFinish: true,
    deleteBatchPoolAfterFinish: false,
    isPositiveExitCodeFailure: true,
    runTaskAsAdmin: false,
    poolId: "p",
    ...patch,
  });
}

/** AP401: an AzureBatchStep needs an executable and the pool it runs on (or creates). */
export const batchPoolRule: Rule = {
  code: "AP401",
  examples: {
    fires: [
      { what: "an AzureBatchStep naming no pool", line: 9, mutate: (ir) => batchStep(ir, { poolId: "" }) },
    ],
    passes: [
      {
        what: "the reference page's pool to create with a .cmd and no vm_image_urn, deleted when done",
        mutate: (ir) =>
          batchStep(ir, { createPool: true, executable: "azurebatch.cmd", deleteBatchPoolAfterFinish: true }),
      },
      {
        what: "delete_batch_pool_after_finish on a pool the step did not create (the loader allows it)",
        mutate: (ir) => batchStep(ir, { deleteBatchPoolAfterFinish: true }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "AzureBatchStep") return [];
      const problems: string[] = [];
      if (s.executable.trim() === "") problems.push("it has no executable");
      if (!s.poolId) problems.push("it names no pool_id (the pool to run on, or to create)");
      return problems.map((p) =>
        diagnostic("AP401", `AzureBatchStep "${s.key}": ${p}`, {
          at: s.source,
          hint: "see docs/rules/AP401.md for the pool settings",
        }),
      );
    });
  },
};
