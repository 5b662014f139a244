import type { ComputeKind } from "../compute.js";

/** Step classes of the Azure ML pipeline YAML: one entry of {@link StepSettings} each. */
export type StepType = keyof StepSettings;

/**
 * Builder features a step kind may have: `.input()`, `.output()`, `.args()`, `.param()`,
 * `.sideInput()`. A kind has only those whose YAML the SDK v1 loader passes to its step class.
 */
export type StepFeature = "inputs" | "outputs" | "arguments" | "parameters" | "sideInputs";

/**
 * The features each step kind has, from the loader's `_pipeline_yaml_parser.py`: `parameters` reach
 * only PythonScriptStep and AdlaStep; `arguments` only PythonScriptStep, ParallelRunStep and
 * AzureBatchStep; side inputs only ParallelRunStep; a DataTransferStep's two bindings are its
 * constructor's `from` and `to`. Methods for the others do not exist on the kind's builder.
 */
export interface StepFeatures {
  readonly PythonScriptStep: "inputs" | "outputs" | "arguments" | "parameters";
  readonly ParallelRunStep: "inputs" | "outputs" | "arguments" | "sideInputs";
  readonly AdlaStep: "inputs" | "outputs" | "parameters";
  readonly AzureBatchStep: "inputs" | "outputs" | "arguments";
  readonly DatabricksStep: "inputs" | "outputs";
  readonly DataTransferStep: never;
}

/** The compute kinds each step type runs on: `.on()` accepts only these (ACI is in none). */
export interface StepComputeKinds {
  readonly PythonScriptStep: Extract<
    ComputeKind,
    "local" | "aml_cluster" | "compute_instance" | "remote_vm" | "hdinsight" | "synapse_spark" | "kubernetes"
  >;
  readonly ParallelRunStep: Extract<ComputeKind, "aml_cluster" | "kubernetes" | "local">;
  readonly AdlaStep: "adla";
  readonly AzureBatchStep: "azure_batch";
  readonly DatabricksStep: "databricks";
  readonly DataTransferStep: "data_factory";
}

/** Settings each step type has beyond the common ones. */
export interface StepSettings {
  readonly PythonScriptStep: { readonly scriptName: string; readonly framework?: "python" | "pyspark" };
  readonly ParallelRunStep: {
    readonly entryScript: string;
    readonly miniBatchSize?: string;
    readonly errorThreshold?: number;
    readonly outputAction?: "append_row" | "summary_only";
    readonly nodeCount?: number;
    readonly processCountPerNode?: number;
    readonly runInvocationTimeout?: number;
  };
  readonly AdlaStep: {
    readonly scriptName: string;
    readonly degreeOfParallelism?: number;
    readonly priority?: number;
    readonly runtimeVersion?: string;
  };
  readonly AzureBatchStep: {
    readonly executable: string;
    readonly poolId?: string;
    readonly createPool?: boolean;
    readonly vmSize?: string;
    readonly vmImageUrn?: string;
    readonly deleteBatchJobAfterFinish?: boolean;
    readonly deleteBatchPoolAfterFinish?: boolean;
    readonly isPositiveExitCodeFailure?: boolean;
    readonly runTaskAsAdmin?: boolean;
    readonly targetComputeNodes?: number;
  };
  readonly DatabricksStep: {
    readonly runName?: string;
    readonly notebookPath?: string;
    readonly notebookParams?: Readonly<Record<string, string>>;
    readonly pythonScriptPath?: string;
    readonly pythonScriptName?: string;
    readonly pythonScriptParams?: readonly string[];
    readonly mainClassName?: string;
    readonly jarParams?: readonly string[];
    readonly jarLibraries?: readonly string[];
    readonly existingClusterId?: string;
    readonly sparkVersion?: string;
    readonly nodeType?: string;
    readonly instancePoolId?: string;
    readonly numWorkers?: number;
    readonly minWorkers?: number;
    readonly maxWorkers?: number;
    readonly sparkEnvVariables?: Readonly<Record<string, string>>;
    readonly sparkConf?: Readonly<Record<string, string>>;
    readonly initScripts?: readonly string[];
    readonly clusterLogDbfsPath?: string;
    readonly timeoutSeconds?: number;
  };
  readonly DataTransferStep: {
    readonly sourceReferenceType?: "file" | "directory";
    readonly destinationReferenceType?: "file" | "directory";
  };
}

/** The settings of a DatabricksStep (also the IR's fields for it). */
export type DatabricksSettings = StepSettings["DatabricksStep"];
