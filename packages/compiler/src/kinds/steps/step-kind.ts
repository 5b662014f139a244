import type * as Dsl from "@amlpipe/dsl";
import type { StepComputeKinds, StepDef, StepFeature, StepFeatures } from "@amlpipe/dsl";
import type { InputBindingIR, OutputBindingIR, StepBaseIR, StepIROf, StepType } from "../../ir/step.js";
import type { LowerContext } from "../../lower/lower-context.js";
import type { RunconfigFacts, StepReadContext } from "../../read/read-step.js";
import type { V2ReadContext } from "../../read/v2/v2-read-context.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import type { Rule } from "../../rules/rule.js";
import type { TsExpression } from "../ts-expression.js";

export type { StepIROf } from "../../ir/step.js";

/** Every binding of a step, by the role the step kind gives it. */
export interface StepBindings {
  /** Inputs, side inputs and the source of a copy: everything the step reads. */
  readonly inputs: readonly InputBindingIR[];
  /** Side inputs (a subset of `inputs`): what `side_input:NAME` tokens name. */
  readonly sideInputs: readonly InputBindingIR[];
  /** Everything the step writes as intermediate data. */
  readonly outputs: readonly OutputBindingIR[];
  /** Data references the step writes in place (a DataTransferStep's destination). */
  readonly writes: readonly InputBindingIR[];
}

/** What the v1 emitter hands a step kind besides the step. */
export interface V1EmitContext {
  /** The ParallelRunConfig path inside the compiled directory, for the kinds that write one. */
  readonly sideFile?: string;
}

/** What a step kind's side file needs from the rest of the pipeline. */
export interface SideFileContext {
  /** Portable file name part for the step (its key, made safe). */
  readonly safeName: string;
  /** The step's source directory, relative to the compiled directory, when it has one. */
  readonly sourceDirectory?: string;
  /** The compute the step runs on (its own, else the pipeline's default). */
  readonly compute?: string;
  /** Its environment as a RunConfiguration-style map. */
  readonly environment: Record<string, unknown>;
}

/** A file of the compiled directory that a step kind writes besides pipeline.yaml. */
export interface StepSideFile {
  /** Path inside the compiled directory, e.g. `parallel_run_configs/score.yml`. */
  readonly path: string;
  readonly schema: "parallel-run-config.schema.json";
  readonly document: Record<string, unknown>;
}

/** What a step kind's runconfig must say (framework, Databricks jar libraries). */
export interface RunconfigNeeds {
  readonly framework?: "Python" | "PySpark";
  readonly jarLibraries?: readonly string[];
}

/** What the v2 emitter hands a step kind: the parts every node shares, already built. */
export interface V2NodeContext {
  /** `display_name`, `compute`, `inputs`, `outputs`: common to every node. */
  readonly common: Record<string, unknown>;
  /** `code:` (the source directory, relative to the v2 YAML), when the step has one. */
  readonly code?: string;
  /** `environment:` value, when the step has one. */
  readonly environment?: string | Record<string, unknown>;
  /** The arguments as one shell-quoted command-line tail ("" when none). */
  readonly args: string;
  /** Shell-quotes one literal for a command line. */
  quote(value: string): string;
  /** A job output written to data reference `name` in place (`{type, path}`). */
  referenceOutput(name: string): Record<string, unknown>;
  /** The kind of compute the step runs on, when the pipeline defines it. */
  readonly computeKind?: string;
}

/** What a step kind's v2 reader gets: the node, with the parts every node shares read already. */
export interface V2NodeRead {
  /** Key, display name, compute, inputs, parameters and `.after()`: no code, environment or outputs yet. */
  readonly base: StepBaseIR;
  readonly node: YamlCursor;
  readonly context: V2ReadContext;
  /** The node's `outputs:` as output bindings (a copy reads its destination itself instead). */
  outputs(): OutputBindingIR[];
  /** A `code:` folder (e.g. a parallel task's), root-relative. */
  code(cursor: YamlCursor): string | undefined;
  /** An `environment:` (e.g. a parallel task's), added to the pipeline; its name. */
  environment(cursor: YamlCursor): string | undefined;
  /** AP112 for the node's keys beyond the common ones and `own`. */
  reportUnread(own: readonly string[]): void;
}

/** A step kind without a v2 form, and what Azure suggests instead. */
export interface NoV2Form {
  readonly noV2Form: string;
}

/** What `amlpipe import` hands a step kind to write its constructor's options. */
export interface ImportContext {
  /** The source directory relative to the generated `.ts` file, when the step has one. */
  readonly sourceDirectory?: string;
  /** The expression that reads intermediate data, a data reference or a parameter named `from`. */
  sourceOf(from: string): TsExpression | undefined;
  /** The expression naming a datastore's const. */
  datastore(name: string): TsExpression;
}

/** The DSL constructor call `import` writes for a step: `factory(key, options)`. */
export interface ImportCall {
  /** The DSL constructor (`pythonScriptStep`, ...): a name the DSL exports, or this does not compile. */
  readonly factory: keyof typeof Dsl;
  /** Its options, as expressions; undefined entries are left out. */
  readonly options: Readonly<Record<string, TsExpression | undefined>>;
  /** Whether `import` writes `.input()`/`.output()` calls (false when `options` carries them). */
  readonly chainsBindings: boolean;
}

/** A JSON Schema fragment (the shipped schemas are built from these). */
export type SchemaFragment = Readonly<Record<string, unknown>>;

/** Keys whose YAML type the SDK v1 loader checks, by the type it demands. */
export interface LoaderTypedKeys {
  readonly string?: readonly string[];
  readonly integer?: readonly string[];
  readonly boolean?: readonly string[];
}

/**
 * Everything that is true of one step kind, in one object: the DSL's compute kinds and features it
 * mirrors, its v1 YAML (keys the loader reads, schema, emit, read), lowering from the DSL, its
 * bindings, its v2 node, its `import` expression and its own rules. `STEP_KINDS` lists one per kind,
 * typed so that a kind missing any part does not compile.
 */
export interface StepKind<T extends StepType> {
  readonly type: T;
  /** The compute kinds it runs on: exactly the DSL's `StepComputeKinds[T]` (see `allOf`). */
  readonly computeKinds: readonly StepComputeKinds[T][];
  /**
   * Whether the step runs in an environment (a runconfig's or a ParallelRunConfig's): such a step
   * without its own gets the pipeline's `defaultEnvironment`.
   */
  readonly runsInEnvironment: boolean;
  /** Which builder features the v1 loader passes to the step: exactly the DSL's `StepFeatures[T]`. */
  readonly features: { readonly [F in StepFeature]: F extends StepFeatures[T] ? true : false };
  /** The v1 YAML keys of this kind beyond the common ones, with their schema. */
  readonly v1Keys: Readonly<Record<string, SchemaFragment>>;
  /**
   * Common v1 keys the loader does not pass to this kind (`compute`, `source_directory`, `runconfig`):
   * not written, and warned about when read. Their facts go where the kind reads them instead.
   */
  readonly v1OmittedCommonKeys?: readonly ("compute" | "source_directory" | "runconfig")[];
  /** Keys of this kind whose YAML type the SDK v1 loader checks (beyond the common ones). */
  readonly v1Typed?: LoaderTypedKeys;
  /**
   * What the loader demands of this kind's keys together (JSON Schema: `oneOf`, `dependentRequired`),
   * merged into the kind's branch of the shipped schema so that editors flag it too.
   */
  readonly v1Constraints?: Readonly<Record<string, unknown>>;
  /**
   * Whether the loader refuses the step without a compute of its own or `default_compute`
   * ("compute_target is required"): no runconfig target or config file stands in for it.
   */
  readonly v1NeedsCompute?: true;
  /** v1 keys the step cannot do without (schema `required`). */
  readonly requiredV1Keys: readonly string[];
  /** One-line summary for docs and `--help`. */
  readonly summary: string;
  /** The DSL step as IR: the common part is lowered already. */
  lower(base: StepBaseIR, def: StepDef<T>, context: LowerContext): StepIROf<T>;
  /** The kind's own v1 keys into IR; undefined when the step cannot be read (reported). */
  read(
    base: StepBaseIR,
    cursor: YamlCursor,
    context: StepReadContext,
    runconfig: RunconfigFacts | undefined,
  ): StepIROf<T> | undefined;
  /** The kind's own v1 keys, as written (common keys are written by the emitter). */
  emitV1(step: StepIROf<T>, context: V1EmitContext): Record<string, unknown>;
  /** A file the kind writes beside pipeline.yaml (ParallelRunConfig), when it has one. */
  sideFile?(step: StepIROf<T>, context: SideFileContext): StepSideFile;
  /** What its runconfig must carry beyond the environment. */
  runconfigNeeds(step: StepIROf<T>): RunconfigNeeds;
  /** Every binding, by role. */
  bindings(step: StepIROf<T>): StepBindings;
  /** Scripts the step runs, relative to its source directory (checked to exist). */
  scripts(step: StepIROf<T>): readonly string[];
  /** The v2 pipeline job node (YAML form), or why there is none. */
  v2(step: StepIROf<T>, context: V2NodeContext): Record<string, unknown> | NoV2Form;
  /** The v2 node `type:`s this kind is read from (`command`, `spark`...); none when it has no v2 form. */
  readonly v2NodeTypes?: readonly string[];
  /** A v2 node of one of `v2NodeTypes` into IR; undefined when it cannot be read (reported). */
  readV2?(read: V2NodeRead): StepIROf<T> | undefined;
  /** The DSL constructor call `import` writes. */
  importCall(step: StepIROf<T>, context: ImportContext): ImportCall;
  /** Rules that only concern this kind. */
  readonly rules: readonly Rule[];
}

/** One definition per step kind, keyed by kind. */
export type StepKindTable = { readonly [T in StepType]: StepKind<T> };

/**
 * Lists every member of `U`, no more and no fewer: `allOf<"a" | "b">()("a", "b")`. A missing or extra
 * member is a compile error, so a value list cannot drift from the type it mirrors.
 */
export function allOf<U extends string>() {
  return <const A extends readonly U[]>(...values: A & ([U] extends [A[number]] ? unknown : never)): A =>
    values;
}
