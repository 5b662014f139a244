/** PLACEHOLDER until the DSL lands: the brand every pipeline value carries. */
export const PIPELINE_BRAND: unique symbol = Symbol.for("amlpipe.pipeline") as never;

/** PLACEHOLDER: a pipeline value. */
export interface Pipeline {
  readonly [PIPELINE_BRAND]: true;
}

/** True for pipeline values (a brand check, so duplicate module instances still agree). */
export function isPipeline(value: unknown): value is Pipeline {
  return typeof value === "object" && value !== null && PIPELINE_BRAND in value;
}
