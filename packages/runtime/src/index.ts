/**
 * @amlpipe/runtime: run a compiled pipeline locally, or attach and submit it to Azure ML.
 * @packageDocumentation
 */

export {
  type AzureSubmitOptions,
  type AzureSubmitReport,
  detachFromAzure,
  type SubmitPlanSummary,
  submitToAzure,
} from "./azure/azure-submit.js";
export { computeBody, resolveSecret } from "./azure/compute-body.js";
export { createAmlClient, type WorkspaceTarget } from "./azure/create-client.js";
export { FINAL_JOB_STATES, followJob } from "./azure/follow-job.js";
export { withoutCredentials } from "./azure/git-facts.js";
export {
  cancelJob,
  type JobDetails,
  type JobSummary,
  jobLogs,
  listJobs,
  showJob,
  streamedLog,
} from "./azure/job-queries.js";
export { type AttachAction, planAttach } from "./azure/plan-attach.js";
export { type JobPlan, planJob } from "./azure/submit-plan.js";
export { createFsReadHost } from "./compiled/fs-read-host.js";
export {
  type LoadCompiledOptions,
  type LoadedPipeline,
  loadCompiledPipeline,
  toRootRelative,
} from "./compiled/load-compiled-pipeline.js";
export { writeCompiledFiles } from "./compiled/write-compiled-files.js";
export type { EmulatorOptions, RunningEmulator } from "./emulator/arm-emulator.js";
export type { EmulatorSeed, Fault } from "./emulator/emulator-state.js";
export { startArmEmulator } from "./emulator/start-emulator.js";
export { decodeText } from "./fs/decode-text.js";
export { below, GuardedFs, isInside, OutsideRootError, within } from "./fs/path-guard.js";
export { type ExecuteOptions, executeLocalRun, type LocalRunEvent, listRuns } from "./local/execute-local.js";
export { LocalLayout } from "./local/local-layout.js";
export { type PlannedStep, type PlanOptions, planLocalRun } from "./local/local-plan.js";
export { outsideRootDiagnostic, type RunLocalOptions, runLocal } from "./local/run-local.js";
export type { RunRecord, StepRecord, StepStatus } from "./local/run-record.js";
export {
  hashTree,
  type LinkPolicy,
  listFiles,
  type RefusedLink,
  RefusedLinksError,
  type TreeFile,
} from "./snapshot/hash-tree.js";
export { snapshotFilter } from "./snapshot/snapshot-filter.js";
export { materializeSnapshot, type Snapshot, storeSnapshot, takeSnapshot } from "./snapshot/take-snapshot.js";
