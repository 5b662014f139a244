import { definedEntries } from "../../common/defined-entries.js";
import type { AzureBatchStepIR } from "../../ir/step.js";
import { batchPoolRule } from "../../rules/ap401-batch-pool.js";
import { looseBool, looseInt, nonEmpty, str, strOrNull } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { ownSettings } from "./own-settings.js";
import { allOf, type StepKind } from "./step-kind.js";

/** The settings an AzureBatchStep has when the user leaves them out (the SDK's defaults). */
const BATCH_DEFAULTS = {
  createPool: false,
  vmSize: "standard_d1_v2",
  deleteBatchJobAfterFinish: true,
  deleteBatchPoolAfterFinish: false,
  isPositiveExitCodeFailure: true,
  runTaskAsAdmin: false,
  targetComputeNodes: 1,
} as const;

/** AzureBatchStep: runs an executable on an Azure Batch pool. */
export const azureBatchStep: StepKind<"AzureBatchStep"> = {
  type: "AzureBatchStep",
  summary: "runs an executable on an Azure Batch pool",
  computeKinds: allOf<"azure_batch">()("azure_batch"),
  features: { inputs: true, outputs: true, arguments: true, parameters: false, sideInputs: false },
  v1Keys: {
    executable: nonEmpty,
    pool_id: strOrNull,
    create_pool: looseBool,
    vm_size: str,
    vm_image_urn: strOrNull,
    delete_batch_job_after_finish: looseBool,
    delete_batch_pool_after_finish: looseBool,
    is_positive_exit_code_failure: looseBool,
    run_task_as_admin: looseBool,
    target_compute_nodes: looseInt,
  },
  requiredV1Keys: ["executable"],
  lower: (base, def) =>
    ({
      ...base,
      type: "AzureBatchStep",
      ...BATCH_DEFAULTS,
      ...definedEntries(def.settings),
    }) as AzureBatchStepIR,
  read(base, cursor) {
    const text = (key: string) => cursor.get(key).string(key);
    const flag = (key: string) => cursor.get(key).boolean(key);
    return {
      ...base,
      type: "AzureBatchStep",
      executable: text("executable") ?? "",
      createPool: flag("create_pool") ?? BATCH_DEFAULTS.createPool,
      vmSize: text("vm_size") ?? BATCH_DEFAULTS.vmSize,
      deleteBatchJobAfterFinish:
        flag("delete_batch_job_after_finish") ?? BATCH_DEFAULTS.deleteBatchJobAfterFinish,
      deleteBatchPoolAfterFinish:
        flag("delete_batch_pool_after_finish") ?? BATCH_DEFAULTS.deleteBatchPoolAfterFinish,
      isPositiveExitCodeFailure:
        flag("is_positive_exit_code_failure") ?? BATCH_DEFAULTS.isPositiveExitCodeFailure,
      runTaskAsAdmin: flag("run_task_as_admin") ?? BATCH_DEFAULTS.runTaskAsAdmin,
      targetComputeNodes:
        cursor.get("target_compute_nodes").number("target_compute_nodes", true) ??
        BATCH_DEFAULTS.targetComputeNodes,
      ...definedEntries({ poolId: text("pool_id"), vmImageUrn: text("vm_image_urn") }),
    };
  },
  // Every key explicitly: the SDK loader turns absent keys into empty values, not its defaults.
  emitV1: (step) => ({
    executable: step.executable,
    pool_id: step.poolId ?? null,
    create_pool: step.createPool,
    vm_size: step.vmSize,
    vm_image_urn: step.vmImageUrn ?? null,
    delete_batch_job_after_finish: step.deleteBatchJobAfterFinish,
    delete_batch_pool_after_finish: step.deleteBatchPoolAfterFinish,
    is_positive_exit_code_failure: step.isPositiveExitCodeFailure,
    run_task_as_admin: step.runTaskAsAdmin,
    target_compute_nodes: step.targetComputeNodes,
  }),
  runconfigNeeds: () => ({}),
  bindings: (step) => ({ inputs: step.inputs, sideInputs: [], outputs: step.outputs }),
  scripts: (step) => (step.executable.trim() === "" ? [] : [step.executable]),
  v2: () => ({
    noV2Form:
      "v2 pipelines have no Azure Batch job; run the executable as a `command` job on an AML compute cluster",
  }),
  importCall: (step, context) => ({
    factory: "azureBatchStep",
    // Its own settings map one to one onto the constructor's options.
    options: tsLiterals({ ...ownSettings(step), sourceDirectory: context.sourceDirectory }),
    chainsBindings: true,
  }),
  rules: [batchPoolRule],
};
