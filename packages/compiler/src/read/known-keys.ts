import type { StepFeature } from "@amlpipe/dsl";
import type { StepType } from "../ir/step.js";
import { STEP_KINDS } from "../kinds/steps/index.js";

/** Keys every step kind may have (the SDK loader's common keys). */
export const COMMON_STEP_KEYS = [
  "type",
  "name",
  "compute",
  "source_directory",
  "runconfig",
  "allow_reuse",
  "version",
  "hash_paths",
] as const;

/** The v1 key behind each builder feature: a kind without the feature has no such key. */
export const FEATURE_KEYS: Readonly<Record<StepFeature, string>> = {
  inputs: "inputs",
  outputs: "outputs",
  arguments: "arguments",
  parameters: "parameters",
  sideInputs: "side_inputs",
};

/** The keys a step of `type` may have: the common ones, its features' and its own. */
export function stepKeys(type: StepType): string[] {
  const kind = STEP_KINDS[type];
  const features = (Object.keys(FEATURE_KEYS) as StepFeature[]).filter((f) => kind.features[f]);
  const omitted: readonly string[] = kind.v1OmittedCommonKeys ?? [];
  return [
    ...COMMON_STEP_KEYS.filter((key) => !omitted.includes(key)),
    ...features.map((f) => FEATURE_KEYS[f]),
    ...Object.keys(kind.v1Keys),
  ];
}

/** Step classes that exist in the SDK but cannot be written in YAML. */
export const UNSUPPORTED_STEP_TYPES = [
  "AutoMLStep",
  "HyperDriveStep",
  "MPIStep",
  "EstimatorStep",
  "ModuleStep",
];

/**
 * Keys seen in the wild that the loader silently ignores, with what to write instead. A Map, not an
 * object: a user's key such as `__proto__` must not find Object.prototype.
 */
export const IGNORED_KEY_HINTS: ReadonlyMap<string, string> = new Map([
  ["compute_target", "the Azure ML loader ignores `compute_target`; name the compute with `compute:`"],
  ["adla_compute_name", "the Azure ML loader ignores `adla_compute_name`; name the compute with `compute:`"],
  ["data_reference", "the key is `data_references` (plural); the loader ignores `data_reference`"],
]);
