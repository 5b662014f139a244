import type { StepSettings, StepType } from "@amlpipe/dsl";
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

/** Keys an override merges into a step's compiled form, per target, and where it was written. */
export interface StepOverridesIR {
  readonly v1?: Readonly<Record<string, unknown>>;
  readonly v2?: Readonly<Record<string, unknown>>;
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
  /**
   * Read from a step whose compute is in a file it names: a PythonScriptStep with no compute but a
   * runconfig (the loader takes its `target`), or a ParallelRunStep whose ParallelRunConfig was not
   * read here. AP307 has nothing to say: the compute is in that file.
   */
  readonly computeFromRunconfig?: true;
  /**
   * Read from a step whose ParallelRunConfig file is not here (written on another machine): its
   * settings are unknown, so the compiled copy is not checked against the schema (AP104 says why).
   */
  readonly unreadSideFile?: true;
  /** Keys merged as written into the compiled step, per target (the DSL's `override()`). */
  readonly overrides?: StepOverridesIR;
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

/**
 * The ParallelRunConfig of a ParallelRunStep (written to its own YAML file): its DSL settings, with
 * the three the loader demands always set.
 */
export type ParallelRunConfigIR = StepSettings["ParallelRunStep"] &
  Required<Pick<StepSettings["ParallelRunStep"], "errorThreshold" | "outputAction" | "nodeCount">>;

/**
 * The IR fields of the step kinds whose IR is not just their DSL settings. A kind not listed here
 * (the common case) has its DSL settings as its IR fields, so adding a kind needs no edit here.
 */
interface SpecialStepFields {
  readonly ParallelRunStep: {
    readonly parallelRunConfig: ParallelRunConfigIR;
    readonly sideInputs: readonly InputBindingIR[];
  };
  /** Every setting has a value: the loader turns absent keys into empties, not the SDK's defaults. */
  readonly AzureBatchStep: Required<Omit<StepSettings["AzureBatchStep"], "poolId" | "vmImageUrn">> &
    Pick<StepSettings["AzureBatchStep"], "poolId" | "vmImageUrn">;
  readonly DataTransferStep: StepSettings["DataTransferStep"] & {
    /** The one-entry `source_data_reference` binding. */
    readonly sourceDataReference: InputBindingIR;
    /**
     * The one-entry `destination_data_reference` binding: the data reference the copy is written to
     * (in place; the loader accepts nothing else there, and the copy is no intermediate data).
     */
    readonly destinationDataReference: InputBindingIR;
  };
}

/** The IR of a step of kind `T`: the common keys, `type`, and the kind's own fields. */
export type StepIROf<T extends StepType> = StepBaseIR & {
  readonly type: T;
} & (T extends keyof SpecialStepFields ? SpecialStepFields[T] : StepSettings[T]);

/** Runs a Python script (AML compute, remote VM, HDInsight, local...). */
export type PythonScriptStepIR = StepIROf<"PythonScriptStep">;
/** Runs an entry script over mini-batches of a dataset in parallel. */
export type ParallelRunStepIR = StepIROf<"ParallelRunStep">;
/** Runs a U-SQL script on Data Lake Analytics. */
export type AdlaStepIR = StepIROf<"AdlaStep">;
/** Runs an executable on an Azure Batch pool. Every key is emitted explicitly (SDK loader bugs). */
export type AzureBatchStepIR = StepIROf<"AzureBatchStep">;
/** Runs a notebook, a Python script or a jar on Databricks. Exactly one entry point (rule AP402). */
export type DatabricksStepIR = StepIROf<"DatabricksStep">;
/** Copies data between datastores with Azure Data Factory. */
export type DataTransferStepIR = StepIROf<"DataTransferStep">;

/** A pipeline step, discriminated by `type`: one member per step kind. */
export type StepIR = { readonly [T in StepType]: StepIROf<T> }[StepType];
