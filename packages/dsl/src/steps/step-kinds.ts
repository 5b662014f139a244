import type { ComputeKind } from "../compute.js";
import type { DataReference, SqlReference } from "../datastore.js";
import type { InputSource } from "./bindings.js";
import { newStep, Step, type StepBuilder } from "./step.js";

/*
 * The DSL face of every step kind: its settings, the compute kinds it runs on, its builder features
 * and its constructor. The compiler's definition of each kind (`@amlpipe/compiler`'s STEP_KINDS) is
 * typed against these, so a kind added here is a compile error until it is defined there.
 */

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
    /**
     * The new pool's image. The SDK v1 loader reads it but does not pass it on: a pool created from
     * v1 YAML runs the SDK's default, Windows Server 2012 R2 (AP408 says so).
     */
    readonly vmImageUrn?: string;
    readonly deleteBatchJobAfterFinish?: boolean;
    readonly deleteBatchPoolAfterFinish?: boolean;
    readonly isPositiveExitCodeFailure?: boolean;
    readonly runTaskAsAdmin?: boolean;
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

/** Where a step's code lives: a file name inside the step's source directory. */
interface ScriptOptions {
  /** Folder whose snapshot the step runs in, relative to the file that declares the step. */
  readonly sourceDirectory?: string;
}

function withDirectory<T extends Parameters<typeof newStep>[0]>(
  step: Step<T>,
  options: ScriptOptions,
): StepBuilder<T> {
  return options.sourceDirectory === undefined ? step : step.sourceDirectory(options.sourceDirectory);
}

/** A PythonScriptStep: runs `script` (on AML compute, a remote VM, HDInsight, locally...). */
export function pythonScriptStep(
  name: string,
  options: ScriptOptions & { readonly script: string; readonly framework?: "python" | "pyspark" },
): StepBuilder<"PythonScriptStep"> {
  const { sourceDirectory: _, script, framework } = options;
  return withDirectory(
    newStep("PythonScriptStep", name, { scriptName: script, ...(framework ? { framework } : {}) }),
    options,
  );
}

/** A ParallelRunStep: runs an entry script over mini-batches of its inputs in parallel. */
export function parallelRunStep(
  name: string,
  options: ScriptOptions & StepSettings["ParallelRunStep"],
): StepBuilder<"ParallelRunStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("ParallelRunStep", name, settings), options);
}

/** An AdlaStep: runs a U-SQL script on Data Lake Analytics. */
export function adlaStep(
  name: string,
  options: ScriptOptions & Omit<StepSettings["AdlaStep"], "scriptName"> & { readonly script: string },
): StepBuilder<"AdlaStep"> {
  const { sourceDirectory: _, script, ...settings } = options;
  return withDirectory(newStep("AdlaStep", name, { scriptName: script, ...settings }), options);
}

/** An AzureBatchStep: runs an executable on an Azure Batch pool. */
export function azureBatchStep(
  name: string,
  options: ScriptOptions & StepSettings["AzureBatchStep"],
): StepBuilder<"AzureBatchStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("AzureBatchStep", name, settings), options);
}

/** The keys of a DatabricksStep's entry points and the arguments each takes. */
type DatabricksEntryKey =
  | "notebookPath"
  | "notebookParams"
  | "pythonScriptPath"
  | "pythonScriptName"
  | "pythonScriptParams"
  | "mainClassName"
  | "jarParams";
/** `never` for every entry key outside `K`: an entry point names none of the others' keys. */
type OnlyOf<K extends DatabricksEntryKey> = { readonly [P in Exclude<DatabricksEntryKey, K>]?: never };

/**
 * A DatabricksStep's one entry point, with the arguments that kind of entry takes: a notebook (and
 * its `notebookParams`), a Python script on DBFS or in the step's `sourceDirectory` (and its
 * `pythonScriptParams`), or a jar's main class (and its `jarParams`). Two entries, or none, do not
 * type-check (AP402 says the same of YAML).
 */
export type DatabricksEntry =
  | ({ readonly notebookPath: string; readonly notebookParams?: Readonly<Record<string, string>> } & OnlyOf<
      "notebookPath" | "notebookParams"
    >)
  | ({ readonly pythonScriptPath: string; readonly pythonScriptParams?: readonly string[] } & OnlyOf<
      "pythonScriptPath" | "pythonScriptParams"
    >)
  | ({
      readonly pythonScriptName: string;
      readonly pythonScriptParams?: readonly string[];
      /** The script is uploaded from here: a local script needs its folder. */
      readonly sourceDirectory: string;
    } & OnlyOf<"pythonScriptName" | "pythonScriptParams">)
  | ({ readonly mainClassName: string; readonly jarParams?: readonly string[] } & OnlyOf<
      "mainClassName" | "jarParams"
    >);

/** Options of {@link databricksStep}: one entry point, and the cluster and run settings. */
export type DatabricksOptions = ScriptOptions &
  Omit<StepSettings["DatabricksStep"], DatabricksEntryKey> &
  DatabricksEntry;

/** A DatabricksStep: runs a notebook, a Python script or a jar on Databricks (one entry point). */
export function databricksStep(name: string, options: DatabricksOptions): StepBuilder<"DatabricksStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("DatabricksStep", name, settings), options);
}

/** Options of {@link dataTransferStep}. */
export type DataTransferOptions<S extends string> = StepSettings["DataTransferStep"] & {
  /** What to copy: a data reference, a dataset, or another step's output. */
  readonly from: InputSource;
  /**
   * Where the copy goes: a path on a datastore (`lake.path("copies/logs")`) or a SQL table. It is a
   * data reference of the pipeline, written in place: the SDK v1 loader accepts only that.
   */
  readonly to: DataReference | SqlReference;
  /** Name of the source binding. @default "source" */
  readonly sourceName?: S;
  /** Name of the destination binding. @default "destination" */
  readonly destinationName?: string;
};

/**
 * A DataTransferStep: copies `from` to the data reference `to` with Azure Data Factory. The copy is
 * not intermediate data: no later step of a v1 pipeline can be ordered after it (rule AP212 says so),
 * so read the copy in a later pipeline, or compile with `--target v2`.
 */
export function dataTransferStep<S extends string = "source">(
  name: string,
  options: DataTransferOptions<S>,
): StepBuilder<"DataTransferStep", S> {
  const { from, to, sourceName, destinationName, ...settings } = options;
  // Its two bindings, in this order: the source, then the destination it writes in place. The
  // builder has no other binding methods.
  const step = newStep("DataTransferStep", name, settings);
  return new Step<"DataTransferStep", S>({
    ...step.def,
    inputs: [
      { name: sourceName ?? "source", source: from, location: step.def.location },
      { name: destinationName ?? "destination", source: to, location: step.def.location },
    ],
  });
}
