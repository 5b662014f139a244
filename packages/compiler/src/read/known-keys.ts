import type { StepType } from "../ir/step.js";

/** Keys every step kind may have (the SDK loader's common keys). */
export const COMMON_STEP_KEYS = [
  "type",
  "name",
  "compute",
  "source_directory",
  "runconfig",
  "arguments",
  "parameters",
  "inputs",
  "outputs",
  "allow_reuse",
  "version",
  "hash_paths",
] as const;

/** Each step type's own keys. */
export const OWN_STEP_KEYS: Record<StepType, readonly string[]> = {
  PythonScriptStep: ["script_name"],
  ParallelRunStep: ["parallel_run_config", "side_inputs"],
  AdlaStep: ["script_name", "degree_of_parallelism", "priority", "runtime_version"],
  AzureBatchStep: [
    "executable",
    "pool_id",
    "create_pool",
    "vm_size",
    "vm_image_urn",
    "delete_batch_job_after_finish",
    "delete_batch_pool_after_finish",
    "is_positive_exit_code_failure",
    "run_task_as_admin",
    "target_compute_nodes",
  ],
  DatabricksStep: [
    "run_name",
    "notebook_path",
    "notebook_params",
    "python_script_path",
    "python_script_name",
    "python_script_params",
    "main_class_name",
    "jar_params",
    "existing_cluster_id",
    "spark_version",
    "node_type",
    "instance_pool_id",
    "num_workers",
    "min_workers",
    "max_workers",
    "spark_env_variables",
    "spark_conf",
    "init_scripts",
    "cluster_log_dbfs_path",
    "timeout_seconds",
  ],
  DataTransferStep: [
    "source_data_reference",
    "destination_data_reference",
    "source_reference_type",
    "destination_reference_type",
  ],
};

/** Step classes that exist in the SDK but cannot be written in YAML. */
export const UNSUPPORTED_STEP_TYPES = [
  "AutoMLStep",
  "HyperDriveStep",
  "MPIStep",
  "EstimatorStep",
  "ModuleStep",
];

/**
 * Keys seen in the wild that the loader silently ignores, with what to write instead. A Map, not an
 * object: a user's key such as `__proto__` must not find Object.prototype.
 */
export const IGNORED_KEY_HINTS: ReadonlyMap<string, string> = new Map([
  ["compute_target", "the Azure ML loader ignores `compute_target`; name the compute with `compute:`"],
  ["adla_compute_name", "the Azure ML loader ignores `adla_compute_name`; name the compute with `compute:`"],
  ["data_reference", "the key is `data_references` (plural); the loader ignores `data_reference`"],
]);
