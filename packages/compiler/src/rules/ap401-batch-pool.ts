import { diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { withBatch, withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The example pipeline with an AzureBatchStep of the SDK's defaults, changed by `patch`. */
function batchStep(ir: PipelineIR, patch: Record<string, unknown>): PipelineIR {
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
    targetComputeNodes: 1,
    poolId: "p",
    ...patch,
  });
}

/** AP401: AzureBatchStep pool settings that cannot work. */
export const batchPoolRule: Rule = {
  code: "AP401",
  examples: {
    fires: [
      {
        what: "a pool to create with no image",
        line: 9,
        mutate: (ir) => batchStep(ir, { createPool: true }),
      },
    ],
    passes: [
      {
        what: "a pool to create with its image",
        mutate: (ir) => batchStep(ir, { createPool: true, vmImageUrn: "urn:canonical:ubuntuserver:22.04" }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "AzureBatchStep") return [];
      const problems: string[] = [];
      if (s.executable.trim() === "") problems.push("it has no executable");
      if (!s.poolId) problems.push("it names no pool_id (the pool to run on, or to create)");
      if (s.createPool && !s.vmImageUrn)
        problems.push("create_pool is true but no vm_image_urn says which image the new pool's nodes run");
      if (!s.createPool && s.deleteBatchPoolAfterFinish)
        problems.push("delete_batch_pool_after_finish would delete a pool this step did not create");
      if (s.targetComputeNodes < 1)
        problems.push(`target_compute_nodes is ${s.targetComputeNodes}; at least 1 node is needed`);
      return problems.map((p) =>
        diagnostic("AP401", `AzureBatchStep "${s.key}": ${p}`, {
          at: s.source,
          hint: "see docs/rules/AP401.md for the pool settings",
        }),
      );
    });
  },
};
