import type { Compute } from "./compute.js";
import type { DataReference, DatasetReference, LocalData, SqlReference } from "./datastore.js";
import type { Environment } from "./environment.js";
import type { Param } from "./param.js";
import type { Schedule } from "./schedule.js";
import { captureSourceLocation, type SourceLocation } from "./source-location.js";
import type { AnyStep } from "./steps/step.js";

/** The brand every pipeline carries; a registry symbol so that two copies of the DSL still agree. */
const PIPELINE_BRAND: unique symbol = Symbol.for("amlpipe.pipeline") as never;

/** The plain, immutable definition behind a pipeline. */
export interface PipelineDef {
  readonly name: string;
  readonly description?: string;
  readonly defaultCompute?: Compute;
  /** The environment of steps that name none and run one (PythonScriptStep, ParallelRunStep). */
  readonly defaultEnvironment?: Environment;
  readonly params: readonly Param[];
  /** Data references declared up front (steps' own references are added anyway). */
  readonly references: readonly (DataReference | DatasetReference | SqlReference | LocalData)[];
  readonly steps: readonly AnyStep[];
  readonly schedules: readonly Schedule[];
  readonly location: SourceLocation;
}

/**
 * A pipeline: named steps and what they share. Immutable; every method returns a new pipeline.
 * `steps()` needs only the last steps: steps they read data from or run after are included too.
 */
export class Pipeline {
  readonly [PIPELINE_BRAND] = true as const;

  /** @internal use {@link pipeline}. */
  constructor(readonly def: PipelineDef) {}

  /** The pipeline's name (and its compiled folder's name). */
  get name(): string {
    return this.def.name;
  }

  /** A description shown in the workspace. */
  description(text: string): Pipeline {
    return new Pipeline({ ...this.def, description: text });
  }

  /** The compute used by steps that name none. */
  defaultCompute(target: Compute): Pipeline {
    return new Pipeline({ ...this.def, defaultCompute: target });
  }

  /**
   * The environment of every step that runs one (PythonScriptStep, ParallelRunStep) and names none
   * with `.environment()`: a step's own environment wins. The v1 YAML has no pipeline-level
   * environment, so each such step's runconfig carries it.
   */
  defaultEnvironment(environment: Environment): Pipeline {
    return new Pipeline({ ...this.def, defaultEnvironment: environment });
  }

  /** Pipeline parameters (overridable at submit time); parameters steps use are added anyway. */
  parameters(...params: readonly Param[]): Pipeline {
    return new Pipeline({ ...this.def, params: [...this.def.params, ...params] });
  }

  /** Declares data references up front, in this order (those steps read are added anyway). */
  dataReferences(
    ...references: readonly (DataReference | DatasetReference | SqlReference | LocalData)[]
  ): Pipeline {
    return new Pipeline({ ...this.def, references: [...this.def.references, ...references] });
  }

  /** Adds steps (and, through data and `.after()`, every step they depend on). */
  steps(...steps: readonly AnyStep[]): Pipeline {
    return new Pipeline({ ...this.def, steps: [...this.def.steps, ...steps] });
  }

  /** Adds a schedule that runs this pipeline. */
  schedule(schedule: Schedule): Pipeline {
    return new Pipeline({ ...this.def, schedules: [...this.def.schedules, schedule] });
  }
}

/** Starts a pipeline called `name` (letters, digits, `-` and `_`: it names the compiled folder). */
export function pipeline(name: string): Pipeline {
  return new Pipeline({
    name,
    params: [],
    references: [],
    steps: [],
    schedules: [],
    location: captureSourceLocation(),
  });
}

/** True for pipeline values (a brand check, so two copies of the DSL module still agree). */
export function isPipeline(value: unknown): value is Pipeline {
  return typeof value === "object" && value !== null && PIPELINE_BRAND in value;
}
