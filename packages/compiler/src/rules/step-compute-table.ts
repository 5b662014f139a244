import type { ComputeKind } from "../ir/compute.js";
import type { StepType } from "../ir/step.js";

/** Which compute kinds each step type runs on (docs/rules/AP300.md shows this table). */
export const STEP_COMPUTE_KINDS: Record<StepType, readonly ComputeKind[]> = {
  PythonScriptStep: [
    "local",
    "aml_cluster",
    "compute_instance",
    "remote_vm",
    "hdinsight",
    "synapse_spark",
    "kubernetes",
  ],
  ParallelRunStep: ["aml_cluster", "kubernetes", "local"],
  AdlaStep: ["adla"],
  AzureBatchStep: ["azure_batch"],
  DatabricksStep: ["databricks"],
  DataTransferStep: ["data_factory"],
};
