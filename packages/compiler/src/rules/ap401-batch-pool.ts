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
      {
        what: "an AzureBatchStep naming no pool (the loader takes it; the job has nowhere to run)",
        line: 9,
        severity: "warning",
        mutate: (ir) => batchStep(ir, { poolId: "" }),
      },
      {
        what: "an AzureBatchStep with no executable",
        line: 9,
        mutate: (ir) => batchStep(ir, { executable: "" }),
      },
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
      // The SDK v1 loader refuses a step with no executable, but passes a missing pool_id on as None:
      // an error for the first, a warning for the second (the job would have no pool to run in).
      const problems: { text: string; severity: "error" | "warning" }[] = [];
      if (s.executable.trim() === "") problems.push({ text: "it has no executable", severity: "error" });
      if (!s.poolId)
        problems.push({
          text: "it names no pool_id (the pool to run on, or to create); the SDK v1 loader takes it, but the job has no pool to run in",
          severity: "warning",
        });
      return problems.map((p) =>
        diagnostic("AP401", `AzureBatchStep "${s.key}": ${p.text}`, {
          at: s.source,
          hint: "see docs/rules/AP401.md for the pool settings",
          severity: p.severity,
        }),
      );
    });
  },
};
