import type {
  DataReference,
  DatasetReference,
  Datastore,
  InputBindMode,
  LocalData,
  SqlReference,
} from "../datastore.js";
import type { Param } from "../param.js";
import type { SourceLocation } from "../source-location.js";
import type { AnyStep } from "./step.js";

/** Intermediate data: an output of `step`, readable by later steps (the edge of the graph). */
export interface StepOutput {
  readonly kind: "step_output";
  readonly step: AnyStep;
  /** The output binding's name on the producing step. */
  readonly name: string;
}

/** What a step input can read. */
export type InputSource =
  | DataReference
  | DatasetReference
  | SqlReference
  | LocalData
  | StepOutput
  | Param<"datapath">;

/** A step input binding. */
export interface InputBinding {
  readonly name: string;
  readonly source: InputSource;
  readonly bindMode?: InputBindMode;
  readonly pathOnCompute?: string;
  readonly location: SourceLocation;
}

/** Options of a step output. */
export interface OutputOptions {
  /** Intermediate data name. @default `<step>_<output>` */
  readonly destination?: string;
  /** Datastore the data is written to. @default the workspace default */
  readonly datastore?: Datastore;
  /** @default "mount" */
  readonly bindMode?: "mount" | "upload";
  readonly pathOnCompute?: string;
}

/** A step output binding. */
export interface OutputBinding extends OutputOptions {
  readonly name: string;
  readonly location: SourceLocation;
}

/** A token the service replaces in a step's arguments: a binding's path or a parameter's value. */
export interface ArgToken {
  readonly kind: "arg_token";
  readonly ref: "input" | "output" | "side_input" | "parameter";
  readonly name: string;
}

/** A command-line argument. */
export type Argument = string | number | boolean | ArgToken;

/** A step parameter value: a literal, or a pipeline parameter. */
export type StepParamValue = string | number | boolean | Param;

/** A step parameter binding. */
export interface StepParamBinding {
  readonly name: string;
  readonly value: StepParamValue;
  readonly location: SourceLocation;
}
