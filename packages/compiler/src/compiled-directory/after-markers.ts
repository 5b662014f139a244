import type { StepIR } from "../ir/step.js";

/** Binding and data names of the marker edges that carry `.after()` ordering in the v1 YAML. */
export const AFTER_OUTPUT = "amlpipe_after";
/** Prefix of the intermediate data a marker edge writes: `amlpipe_after_<step key>`. */
export const AFTER_DATA_PREFIX = "amlpipe_after_";

/**
 * The v1 YAML has no key for "run after without data", so ordering becomes a marker edge: the earlier
 * step gets an output `amlpipe_after` writing `amlpipe_after_<key>`, and each later step an input of the
 * same name reading it. The reader turns these back into `after`.
 */
export function stepsRunBefore(steps: readonly StepIR[]): Set<string> {
  return new Set(steps.flatMap((step) => step.after));
}
