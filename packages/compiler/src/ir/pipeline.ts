import type { ComputeIR } from "./compute.js";
import type { DataReferenceIR } from "./data-reference.js";
import type { DatastoreIR } from "./datastore.js";
import type { EnvironmentIR } from "./environment.js";
import type { ParameterIR } from "./parameter.js";
import type { ScheduleIR } from "./schedule.js";
import type { SourcePosition } from "./source-position.js";
import type { StepIR } from "./step.js";

/** The IR format version, bumped on any incompatible change. */
export const IR_VERSION = 1;

/**
 * The one plain, JSON-serialisable form of a pipeline. The DSL lowering and the YAML reader both
 * produce it; rules and emitters see nothing else, so a YAML pipeline is checked exactly like a TS one.
 * Collections are arrays (not maps) so that duplicates stay visible to the rules.
 */
export interface PipelineIR {
  readonly irVersion: typeof IR_VERSION;
  /** Pipeline name (the v1 `name:`); the DSL's `pipeline(name)`. */
  readonly name: string;
  readonly description?: string;
  readonly source: SourcePosition;
  readonly defaultCompute?: string;
  readonly parameters: readonly ParameterIR[];
  readonly datastores: readonly DatastoreIR[];
  readonly dataReferences: readonly DataReferenceIR[];
  readonly computes: readonly ComputeIR[];
  readonly environments: readonly EnvironmentIR[];
  readonly steps: readonly StepIR[];
  readonly schedules: readonly ScheduleIR[];
  /**
   * Set when this is a training run (the DSL's `scriptRun`, or a read `.runconfig` / command job):
   * one PythonScriptStep, compiled to a run configuration and a v2 command job, not a pipeline.
   */
  readonly trainingRun?: TrainingRunIR;
  /**
   * `v2` when the pipeline was read from a v2 YAML file (a pipeline or command job): `compile` and
   * `validate` then check it for the v2 target unless told otherwise.
   */
  readonly readFrom?: "v2";
}

/** What a training run adds to its one-step pipeline form. */
export interface TrainingRunIR {
  /** The experiment the run is recorded under. */
  readonly experiment: string;
}
