import type { Compute } from "../compute.js";
import type { InputBindMode } from "../datastore.js";
import type { Environment } from "../environment.js";
import { captureSourceLocation, type SourceLocation } from "../source-location.js";
import type {
  ArgToken,
  Argument,
  InputBinding,
  InputSource,
  OutputBinding,
  OutputOptions,
  StepOutput,
  StepParamBinding,
  StepParamValue,
} from "./bindings.js";
import type { StepComputeKinds, StepFeature, StepFeatures, StepSettings, StepType } from "./step-kinds.js";

/** The plain, immutable definition behind a step builder. */
export interface StepDef<T extends StepType = StepType> {
  readonly type: T;
  readonly name: string;
  /** Name shown in the workspace, when it differs from `name` (the step's key). */
  readonly displayName?: string;
  readonly settings: StepSettings[T];
  readonly compute?: Compute;
  readonly sourceDirectory?: string;
  readonly environment?: Environment;
  readonly inputs: readonly InputBinding[];
  readonly sideInputs: readonly InputBinding[];
  readonly outputs: readonly OutputBinding[];
  readonly params: readonly StepParamBinding[];
  readonly args: readonly Argument[];
  readonly after: readonly AnyStep[];
  readonly allowReuse: boolean;
  /** Keys added to the compiled step as written, per target (`override()`). */
  readonly overrides?: StepOverrides;
  readonly location: SourceLocation;
}

/** A JSON value, as an override may set one. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The compile targets an override is for. */
export type OverrideTarget = "v1" | "v2";

/** Keys merged into a step's compiled form for one target, and where they were written. */
export interface StepOverrides {
  readonly v1?: { readonly [key: string]: JsonValue };
  readonly v2?: { readonly [key: string]: JsonValue };
  readonly location: SourceLocation;
}

/** `over` merged into `base`: objects key by key (deeply), anything else replaced. */
export function mergeJson(
  base: { readonly [key: string]: JsonValue },
  over: { readonly [key: string]: JsonValue },
): { readonly [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const isObject = (v: unknown): v is { readonly [key: string]: JsonValue } =>
      typeof v === "object" && v !== null && !Array.isArray(v);
    out[key] = isObject(current) && isObject(value) ? mergeJson(current, value) : value;
  }
  return out;
}

/** The typed references `args()` hands to its callback: only declared names exist. */
export interface ArgRefs<I extends string, O extends string, P extends string, S extends string> {
  readonly inputs: { readonly [N in I]: ArgToken };
  readonly outputs: { readonly [N in O]: ArgToken };
  readonly params: { readonly [N in P]: ArgToken };
  readonly sideInputs: { readonly [N in S]: ArgToken };
}

/** Any step, whatever its type and declared names: what pipelines and bindings hold. */
export interface AnyStep {
  readonly def: StepDef;
  readonly name: string;
}

/** The builder method behind each step feature. */
interface FeatureMethods {
  readonly inputs: "input";
  readonly outputs: "output";
  readonly arguments: "args";
  readonly parameters: "param";
  readonly sideInputs: "sideInput";
}

/** Builder methods a step kind does not have (their YAML would be dropped by the v1 loader). */
export type MissingMethods<T extends StepType> = FeatureMethods[Exclude<StepFeature, StepFeatures[T]>];

/**
 * A step of kind `T` as users hold it: a {@link Step} without the methods its kind does not support,
 * so `.sideInput()` exists only on a ParallelRunStep and `.param()` only where a parameter is read.
 */
export type StepBuilder<
  T extends StepType,
  I extends string = never,
  O extends string = never,
  P extends string = never,
  S extends string = never,
> = Omit<Step<T, I, O, P, S>, MissingMethods<T>>;

/**
 * `N` when it is not declared yet, else a type whose text is the error: binding a name twice would
 * silently lose the first binding.
 */
export type FreshName<N extends string, Taken extends string> = [N] extends [Taken]
  ? `error: "${N}" is declared on this step already`
  : N;

/**
 * A pipeline step of type `T`. Immutable: every method returns a new step. The type parameters track
 * the declared input (I), output (O), parameter (P) and side-input (S) names, so `step.outputs.x` and
 * `args(({ inputs }) => [inputs.x])` only compile for names that exist.
 */
export class Step<
  T extends StepType,
  I extends string = never,
  O extends string = never,
  P extends string = never,
  S extends string = never,
> {
  /** @internal use the step constructors (`pythonScriptStep`, ...). */
  constructor(readonly def: StepDef<T>) {}

  /** The step's name (its key under `steps:`). */
  get name(): string {
    return this.def.name;
  }

  /** This step's outputs, by name: pass one to another step's `input()` to connect them. */
  get outputs(): { readonly [N in O]: StepOutput } {
    const outputs: Record<string, StepOutput> = {};
    for (const output of this.def.outputs)
      outputs[output.name] = { kind: "step_output", step: this, name: output.name };
    return outputs as { readonly [N in O]: StepOutput };
  }

  /** Runs the step on `target`; only compute kinds this step type supports type-check. */
  on(target: Compute<StepComputeKinds[T]>): StepBuilder<T, I, O, P, S> {
    return this.with({ compute: target });
  }

  /** Folder whose snapshot the step runs in, relative to the file that declares the step. */
  sourceDirectory(directory: string): StepBuilder<T, I, O, P, S> {
    return this.with({ sourceDirectory: directory });
  }

  /** The environment the step runs with. */
  environment(environment: Environment): StepBuilder<T, I, O, P, S> {
    return this.with({ environment });
  }

  /** Binds input `name` to a data reference, dataset, datapath parameter or another step's output. */
  input<N extends string>(
    name: FreshName<N, I | P | S>,
    source: InputSource,
    options: { readonly bindMode?: InputBindMode; readonly pathOnCompute?: string } = {},
  ): StepBuilder<T, I | N, O, P, S> {
    const binding: InputBinding = { name, source, ...options, location: captureSourceLocation() };
    return this.with<I | N>({ inputs: [...this.def.inputs, binding] });
  }

  /** Binds a side input (ParallelRunStep): data every mini-batch can read. */
  sideInput<N extends string>(
    name: FreshName<N, I | P | S>,
    source: InputSource,
  ): StepBuilder<T, I, O, P, S | N> {
    const binding: InputBinding = { name, source, location: captureSourceLocation() };
    return this.with<I, O, P, S | N>({ sideInputs: [...this.def.sideInputs, binding] });
  }

  /** Declares output `name`: intermediate data later steps can read through `step.outputs[name]`. */
  output<N extends string>(
    name: FreshName<N, O>,
    options: OutputOptions = {},
  ): StepBuilder<T, I, O | N, P, S> {
    const binding: OutputBinding = { name, ...options, location: captureSourceLocation() };
    return this.with<I, O | N>({ outputs: [...this.def.outputs, binding] });
  }

  /** Sets step parameter `name` to a literal or a pipeline parameter (scripts see `AML_PARAMETER_<name>`). */
  param<N extends string>(
    name: FreshName<N, I | P | S>,
    value: StepParamValue,
  ): StepBuilder<T, I, O, P | N, S> {
    const binding: StepParamBinding = { name, value, location: captureSourceLocation() };
    return this.with<I, O, P | N>({ params: [...this.def.params, binding] });
  }

  /**
   * Command-line arguments. Pass a list, or a callback that receives typed tokens for the declared
   * inputs, outputs and parameters (replaced by paths and values when the step runs).
   */
  args(
    args: readonly Argument[] | ((refs: ArgRefs<I, O, P, S>) => readonly Argument[]),
  ): StepBuilder<T, I, O, P, S> {
    const list = typeof args === "function" ? args(this.argRefs()) : args;
    return this.with({ args: [...list] });
  }

  /**
   * An escape hatch, like cdk8s's overrides: keys the DSL does not model, merged as written into
   * this step's compiled form for one target: its v1 step (`override("v1", { hash_paths: ["."] })`)
   * or its v2 job node (`override("v2", { resources: { shm_size: "8g" } })`). Objects merge deeply;
   * later calls win. The result is checked against that target's shipped schema, and a violation is
   * reported at this line (AP101). `amlpipe submit` builds its REST job from the compiled folder and
   * carries only the keys it models: it reports the others at their line there (AP112 for v2).
   */
  override(target: OverrideTarget, keys: { readonly [key: string]: JsonValue }): StepBuilder<T, I, O, P, S> {
    const current = this.def.overrides;
    const merged = current?.[target] ? mergeJson(current[target], keys) : keys;
    return this.with({ overrides: { ...current, [target]: merged, location: captureSourceLocation() } });
  }

  /** Runs this step only after `steps` finished, even though no data flows between them. */
  after(...steps: readonly AnyStep[]): StepBuilder<T, I, O, P, S> {
    return this.with({ after: [...this.def.after, ...steps] });
  }

  /** The name shown in the workspace, when it should differ from the step's key. */
  displayName(displayName: string): StepBuilder<T, I, O, P, S> {
    return this.with({ displayName });
  }

  /** Whether Azure ML may reuse the previous result when nothing changed. @default true */
  allowReuse(allow: boolean): StepBuilder<T, I, O, P, S> {
    return this.with({ allowReuse: allow });
  }

  /** Changes this step type's own settings (e.g. a Batch pool, a Databricks cluster). */
  settings(settings: Partial<StepSettings[T]>): StepBuilder<T, I, O, P, S> {
    return this.with({ settings: { ...this.def.settings, ...settings } });
  }

  private argRefs(): ArgRefs<I, O, P, S> {
    const tokens = (ref: ArgToken["ref"], names: readonly string[]) =>
      Object.fromEntries(names.map((name) => [name, { kind: "arg_token", ref, name } satisfies ArgToken]));
    return {
      inputs: tokens(
        "input",
        this.def.inputs.map((b) => b.name),
      ),
      outputs: tokens(
        "output",
        this.def.outputs.map((b) => b.name),
      ),
      params: tokens(
        "parameter",
        this.def.params.map((b) => b.name),
      ),
      sideInputs: tokens(
        "side_input",
        this.def.sideInputs.map((b) => b.name),
      ),
    } as ArgRefs<I, O, P, S>;
  }

  private with<I2 extends string = I, O2 extends string = O, P2 extends string = P, S2 extends string = S>(
    patch: Partial<StepDef<T>>,
  ): Step<T, I2, O2, P2, S2> {
    return new Step<T, I2, O2, P2, S2>({ ...this.def, ...patch });
  }
}

/** @internal Creates a step definition with the common defaults. */
export function newStep<T extends StepType>(type: T, name: string, settings: StepSettings[T]): Step<T> {
  return new Step<T>({
    type,
    name,
    settings,
    inputs: [],
    sideInputs: [],
    outputs: [],
    params: [],
    args: [],
    after: [],
    allowReuse: true,
    location: captureSourceLocation(),
  });
}
