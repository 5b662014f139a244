import type { Compute } from "./compute.js";
import type { Environment } from "./environment.js";
import type { AnyStep, StepDef } from "./steps/step.js";
import { pythonScriptStep, type StepComputeKinds } from "./steps/step-kinds.js";

/** The brand every training run carries; a registry symbol so that two copies of the DSL still agree. */
const SCRIPT_RUN_BRAND: unique symbol = Symbol.for("amlpipe.scriptRun") as never;

/** The compute kinds a training run can target: those of a PythonScriptStep (never ACI). */
export type ScriptRunComputeKind = StepComputeKinds["PythonScriptStep"];

/** A training run's command-line argument: literals only (a run has no pipeline data or parameters). */
export type ScriptRunArgument = string | number | boolean;

/** What a training run adds to the PythonScriptStep it is made of (its location is the step's). */
export interface ScriptRunDef {
  /** The experiment the run is recorded under. @default the run's name */
  readonly experiment?: string;
}

/** Options of {@link scriptRun}. */
export interface ScriptRunOptions {
  /** The script to run, relative to `sourceDirectory`. */
  readonly script: string;
  /** Folder whose snapshot the run uses, relative to the declaring file. @default that file's folder */
  readonly sourceDirectory?: string;
  /** `pyspark` for a Spark compute (HDInsight, Synapse). @default "python" */
  readonly framework?: "python" | "pyspark";
}

/**
 * A training run: one script, its source directory, an environment and a compute target, recorded
 * under an experiment (Azure ML SDK v1's `ScriptRunConfig` submitted with `Experiment.submit`).
 * Immutable: every method returns a new run. It is also a step: `pipeline(...).steps(run)` runs the
 * same script as a PythonScriptStep. Moving it between computes means changing only `.on(...)` (and,
 * where the compute needs one, the environment or framework).
 */
export class ScriptRun implements AnyStep {
  readonly [SCRIPT_RUN_BRAND] = true as const;

  /** @internal use {@link scriptRun}. */
  constructor(
    readonly def: StepDef<"PythonScriptStep">,
    readonly run: ScriptRunDef,
  ) {}

  /** The run's name (its compiled folder's name, and the default experiment name). */
  get name(): string {
    return this.def.name;
  }

  /** Runs on `target`; only training compute kinds type-check (never ACI). */
  on(target: Compute<ScriptRunComputeKind>): ScriptRun {
    return this.with({ compute: target });
  }

  /** The environment the script runs with (curated, conda, Docker, or user-managed). */
  environment(environment: Environment): ScriptRun {
    return this.with({ environment });
  }

  /** Command-line arguments passed to the script, in order. */
  args(args: readonly ScriptRunArgument[]): ScriptRun {
    return this.with({ args: [...args] });
  }

  /** `pyspark` to run through Spark (HDInsight, Synapse), else `python`. */
  framework(framework: "python" | "pyspark"): ScriptRun {
    return this.with({ settings: { ...this.def.settings, framework } });
  }

  /** Folder whose snapshot the run uses, relative to the file that declares the run. */
  sourceDirectory(directory: string): ScriptRun {
    return this.with({ sourceDirectory: directory });
  }

  /** The experiment the run is recorded under (letters, digits, `-` and `_`). */
  experiment(name: string): ScriptRun {
    return new ScriptRun(this.def, { ...this.run, experiment: name });
  }

  /** The name shown in the workspace, when it should differ from the run's name. */
  displayName(displayName: string): ScriptRun {
    return this.with({ displayName });
  }

  private with(patch: Partial<StepDef<"PythonScriptStep">>): ScriptRun {
    return new ScriptRun({ ...this.def, ...patch }, this.run);
  }
}

/**
 * Starts a training run called `name` that runs `script` from `sourceDirectory`, e.g.
 * `scriptRun("train", { script: "train.py", sourceDirectory: "src" }).on(cluster).environment(sklearn)`.
 */
export function scriptRun(name: string, options: ScriptRunOptions): ScriptRun {
  // No folder means the declaring file's: a run always uploads a snapshot, never the whole project.
  // The step records the user's line (frames of this package are skipped).
  const step = pythonScriptStep(name, { ...options, sourceDirectory: options.sourceDirectory ?? "." });
  return new ScriptRun(step.def, {});
}

/** True for training-run values (a brand check, so two copies of the DSL module still agree). */
export function isScriptRun(value: unknown): value is ScriptRun {
  return typeof value === "object" && value !== null && SCRIPT_RUN_BRAND in value;
}
