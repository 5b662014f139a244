import type { DatabricksSettings } from "@amlpipe/dsl";
import type { BindMode } from "./data-reference.js";
import type { SourcePosition } from "./source-position.js";

/** Step classes of the Azure ML v1 pipeline YAML (the DSL's step types). */
export type { StepType } from "@amlpipe/dsl";

/** A literal command-line argument. */
export type LiteralArgumentIR = string | number | boolean;
/**
 * A command-line argument: a literal, or a token the service replaces (`input:NAME`, `output:NAME`,
 * `side_input:NAME` name the step's own bindings; `parameter:NAME` a step parameter).
 */
export type ArgumentIR =
  | LiteralArgumentIR
  | { readonly ref: "input" | "output" | "side_input" | "parameter"; readonly name: string };

/** A step parameter value: a literal, or a pipeline parameter it takes its value from. */
export type StepParameterValueIR =
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "pipeline_parameter"; readonly parameter: string };

/** A step parameter (`parameters:` of a step). */
export interface StepParameterIR {
  readonly name: string;
  readonly value: StepParameterValueIR;
  readonly source: SourcePosition;
}

/**
 * A step input: binding `name` reads `from`, which is a `datapath` pipeline parameter, a data
 * reference, or the `destination` of another step's output (intermediate data), in that order.
 */
export interface InputBindingIR {
  readonly name: string;
  readonly from: string;
  readonly bindMode?: Exclude<BindMode, "upload">;
  readonly pathOnCompute?: string;
  readonly overwrite?: boolean;
  readonly source: SourcePosition;
}

/** A step output: binding `name` writes intermediate data called `destination`. */
export interface OutputBindingIR {
  readonly name: string;
  readonly destination: string;
  readonly datastore?: string;
  readonly bindMode?: Exclude<BindMode, "download">;
  readonly pathOnCompute?: string;
  readonly overwrite?: boolean;
  readonly asDataset?: boolean;
  readonly source: SourcePosition;
}

/** Keys every step kind has. */
export interface StepBaseIR {
  /** The step's key under `steps:` (unique in a valid pipeline). */
  readonly key: string;
  /** Display name (`name:`); defaults to the key. */
  readonly name: string;
  readonly source: SourcePosition;
  /** Attached compute name; falls back to the pipeline's `defaultCompute`. */
  readonly compute?: string;
  /** Folder (relative to the compile root) whose snapshot the step runs in. */
  readonly sourceDirectory?: string;
  /** Name of the environment (in `PipelineIR.environments`) the step runs with. */
  readonly environment?: string;
  readonly arguments: readonly ArgumentIR[];
  readonly parameters: readonly StepParameterIR[];
  readonly inputs: readonly InputBindingIR[];
  readonly outputs: readonly OutputBindingIR[];
  /** Reuse the previous result when nothing changed. @default true */
  readonly allowReuse: boolean;
  /**
   * Keys of steps that must finish first although no data flows (`.after(step)`). The v1 YAML has no
   * key for this; the emitter writes it as a marker data edge (see docs/concepts.md).
   */
  readonly after: readonly string[];
  /** Keys the reader found but does not know (the SDK drops them silently; we warn). */
  readonly unknownKeys?: readonly { readonly key: string; readonly source: SourcePosition }[];
  /**
   * Side inputs that untyped DSL code gave a kind that reads none (the typed builder has no such
   * method); kept so that AP209 reports them instead of losing them.
   */
  readonly unreadSideInputs?: readonly InputBindingIR[];
}

/** Runs a Python script (AML compute, remote VM, HDInsight, local...). */
export interface PythonScriptStepIR extends StepBaseIR {
  readonly type: "PythonScriptStep";
  readonly scriptName: string;
  /** Run framework: `python`, or `pyspark` on HDInsight. @default "python" */
  readonly framework?: "python" | "pyspark";
}

/** The ParallelRunConfig of a ParallelRunStep (written to its own YAML file). */
export interface ParallelRunConfigIR {
  readonly entryScript: string;
  readonly miniBatchSize?: string;
  readonly errorThreshold?: number;
  readonly outputAction?: "append_row" | "summary_only";
  readonly nodeCount?: number;
  readonly processCountPerNode?: number;
  readonly runInvocationTimeout?: number;
}
/** Runs an entry script over mini-batches of a dataset in parallel. */
export interface ParallelRunStepIR extends StepBaseIR {
  readonly type: "ParallelRunStep";
  readonly parallelRunConfig: ParallelRunConfigIR;
  readonly sideInputs: readonly InputBindingIR[];
}

/** Runs a U-SQL script on Data Lake Analytics. */
export interface AdlaStepIR extends StepBaseIR {
  readonly type: "AdlaStep";
  /** U-SQL script, relative to `sourceDirectory`. */
  readonly scriptName: string;
  readonly degreeOfParallelism?: number;
  /** @default 1000 */
  readonly priority?: number;
  readonly runtimeVersion?: string;
}

/** Runs an executable on an Azure Batch pool. Every key is emitted explicitly (SDK loader bugs). */
export interface AzureBatchStepIR extends StepBaseIR {
  readonly type: "AzureBatchStep";
  readonly executable: string;
  readonly poolId?: string;
  /** @default false */
  readonly createPool: boolean;
  /** @default "standard_d1_v2" */
  readonly vmSize: string;
  readonly vmImageUrn?: string;
  /** @default true */
  readonly deleteBatchJobAfterFinish: boolean;
  /** @default false */
  readonly deleteBatchPoolAfterFinish: boolean;
  /** @default true */
  readonly isPositiveExitCodeFailure: boolean;
  /** @default false */
  readonly runTaskAsAdmin: boolean;
  /** @default 1 */
  readonly targetComputeNodes: number;
}

/** Runs a notebook, a Python script or a jar on Databricks. Exactly one entry point (rule AP402). */
export interface DatabricksStepIR extends StepBaseIR, DatabricksSettings {
  readonly type: "DatabricksStep";
}

/** Copies data between datastores with Azure Data Factory. */
export interface DataTransferStepIR extends StepBaseIR {
  readonly type: "DataTransferStep";
  /** The one-entry `source_data_reference` binding. */
  readonly sourceDataReference: InputBindingIR;
  /** The one-entry `destination_data_reference` binding. */
  readonly destinationDataReference: OutputBindingIR;
  readonly sourceReferenceType?: "file" | "directory";
  readonly destinationReferenceType?: "file" | "directory";
}

/** A pipeline step, discriminated by `type`. */
export type StepIR =
  | PythonScriptStepIR
  | ParallelRunStepIR
  | AdlaStepIR
  | AzureBatchStepIR
  | DatabricksStepIR
  | DataTransferStepIR;
