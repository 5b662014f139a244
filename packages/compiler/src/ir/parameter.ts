import type { SourcePosition } from "./source-position.js";

/** Pipeline parameter types of the v1 YAML. */
export type ParameterType = "string" | "int" | "float" | "bool" | "datapath";

/** A `datapath` value: a path on a datastore. */
export interface DataPathValueIR {
  readonly datastore: string;
  readonly pathOnDatastore: string;
}

/** A literal parameter value. */
export type ParameterValueIR = string | number | boolean | DataPathValueIR;

/** A pipeline parameter (`parameters:` entry), overridable at submit time. */
export interface ParameterIR {
  readonly name: string;
  readonly type: ParameterType;
  readonly default?: ParameterValueIR;
  readonly source: SourcePosition;
}
