import { captureSourceLocation, type SourceLocation } from "./source-location.js";

/** Pipeline parameter types. */
export type ParamType = "string" | "int" | "float" | "bool" | "datapath";

/** A datapath value: a path on a datastore, by datastore name. */
export interface DataPathValue {
  readonly datastore: string;
  readonly pathOnDatastore: string;
}

/** The TypeScript type of each parameter type's values. */
export interface ParamValueTypes {
  readonly string: string;
  readonly int: number;
  readonly float: number;
  readonly bool: boolean;
  readonly datapath: DataPathValue;
}

/** A pipeline parameter: overridable at submit time, usable by steps. */
export interface Param<T extends ParamType = ParamType> {
  readonly kind: "param";
  readonly name: string;
  readonly type: T;
  readonly default?: ParamValueTypes[T];
  readonly location: SourceLocation;
}

function make<T extends ParamType>(type: T, name: string, value: ParamValueTypes[T] | undefined): Param<T> {
  return {
    kind: "param",
    name,
    type,
    ...(value === undefined ? {} : { default: value }),
    location: captureSourceLocation(),
  };
}

/** Pipeline parameter constructors. */
export const param = {
  string: (name: string, defaultValue?: string): Param<"string"> => make("string", name, defaultValue),
  int: (name: string, defaultValue?: number): Param<"int"> => make("int", name, defaultValue),
  float: (name: string, defaultValue?: number): Param<"float"> => make("float", name, defaultValue),
  bool: (name: string, defaultValue?: boolean): Param<"bool"> => make("bool", name, defaultValue),
  datapath: (name: string, defaultValue?: DataPathValue): Param<"datapath"> =>
    make("datapath", name, defaultValue),
};
