import { definedEntries } from "../../common/defined-entries.js";
import type { AzureBatchStepIR } from "../../ir/step.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import { batchPoolRule } from "../../rules/ap401-batch-pool.js";
import { batchLoaderRule } from "../../rules/ap408-batch-loader.js";
import { bool, deprecated, described, nonEmpty, str, strOrNull } from "../../schema/definitions/common.js";
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
} as const;

/** AzureBatchStep: runs an executable on an Azure Batch pool. */
export const azureBatchStep: StepKind<"AzureBatchStep"> = {
  type: "AzureBatchStep",
  summary: "runs an executable on an Azure Batch pool",
  computeKinds: allOf<"azure_batch">()("azure_batch"),
  runsInEnvironment: false,
  features: { inputs: true, outputs: true, arguments: true, parameters: false, sideInputs: false },
  v1Keys: {
    executable: described("the program each Batch task runs, relative to source_directory", nonEmpty),
    pool_id: described(
      "an existing Batch pool to run on (null: the step creates one when create_pool is true)",
      strOrNull,
    ),
    create_pool: described("create the pool when it does not exist", bool),
    vm_size: described("the VM size of a pool the step creates", str),
    vm_image_urn: described("the Windows image of a pool the step creates (publisher:offer:sku)", strOrNull),
    delete_batch_job_after_finish: described("delete the Batch job once the step ends", bool),
    delete_batch_pool_after_finish: described("delete the pool once the step ends", bool),
    is_positive_exit_code_failure: described("treat a positive exit code of the task as a failure", bool),
    run_task_as_admin: described("run the task with administrator rights on the node", bool),
    // The loader type-checks it as a boolean (an SDK bug), so v1 YAML cannot set a node count.
    target_compute_nodes: deprecated(
      "the SDK v1 loader accepts only true/false here; amlpipe leaves it out",
      {
        type: "boolean",
      },
    ),
  },
  v1NeedsCompute: true,
  requiredV1Keys: ["executable"],
  // The loader's AzureBatchStep type checks (azurebatch_step); target_compute_nodes has its own
  // reading, which says more (read below).
  v1Typed: {
    string: ["vm_size", "executable", "pool_id", "vm_image_urn"],
    boolean: [
      "create_pool",
      "delete_batch_job_after_finish",
      "delete_batch_pool_after_finish",
      "is_positive_exit_code_failure",
      "run_task_as_admin",
    ],
  },
  lower: (base, def) =>
    ({
      ...base,
      type: "AzureBatchStep",
      ...BATCH_DEFAULTS,
      ...definedEntries(def.settings),
    }) as AzureBatchStepIR,
  read(base, cursor) {
    readTargetComputeNodes(cursor);
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
    // No target_compute_nodes: the loader refuses a number there (it checks for a boolean), and
    // absent, the service's own default applies.
  }),
  runconfigNeeds: () => ({}),
  bindings: (step) => ({ inputs: step.inputs, sideInputs: [], outputs: step.outputs, writes: [] }),
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
  rules: [batchPoolRule, batchLoaderRule],
};

/**
 * `target_compute_nodes`: the loader demands a boolean, so a number is an error (the loader would
 * refuse the file) and a boolean is read but means no node count amlpipe knows.
 */
function readTargetComputeNodes(cursor: YamlCursor): void {
  const value = cursor.get("target_compute_nodes");
  if (value.missing) return;
  const literal = value.literal("target_compute_nodes");
  if (typeof literal === "boolean") {
    value.file.report(
      "AP103",
      "warning",
      `target_compute_nodes: ${literal} is let through by the loader, but what it means for the node count is not documented; amlpipe does not carry it`,
      value.at,
      "leave it out: the service's default node count applies",
    );
    return;
  }
  value.typeError(
    "target_compute_nodes must be a boolean for the SDK v1 loader (it type-checks it as one); a node count here makes it refuse the file",
    "leave target_compute_nodes out: v1 YAML cannot set the node count",
  );
}
