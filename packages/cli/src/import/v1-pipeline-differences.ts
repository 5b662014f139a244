import { posix } from "node:path";
import { isAbsoluteAnywhere, isStepType, stepKeys } from "@amlpipe/compiler";
import { isObject, type Json, leafDifferences } from "./document-leaves.js";

/** A parsed v1 pipeline YAML, and the root-relative folder it was read from (for its relative paths). */
export interface PlacedPipelineDocument {
  readonly document: unknown;
  readonly folder: string;
}

/** Binding sections, whose entries are `{source|destination, bind_mode, ...}`. */
const BINDING_SECTIONS = [
  "inputs",
  "outputs",
  "side_inputs",
  "source_data_reference",
  "destination_data_reference",
];
/** Side files: their paths differ by design (amlpipe writes its own), so only their presence counts. */
const SIDE_FILE_KEYS = ["runconfig", "parallel_run_config"];

/** Python's `str`, `int`, `float` and `bool` of a default, as `_get_pipeline_parameters` converts it. */
function convertedDefault(type: Json, value: Json): Json {
  if (type === "bool") return typeof value === "string" ? value.length > 0 : Boolean(value);
  if (type === "int" || type === "float") {
    const number = Number(typeof value === "string" ? value.replace(/_/g, "").trim() : value);
    return Number.isNaN(number) ? value : type === "int" ? Math.trunc(number) : number;
  }
  if (type === "string" && typeof value === "boolean") return value ? "True" : "False";
  return type === "string" && value !== null && !isObject(value) ? String(value) : value;
}

/** A binding as the loader reads it: `type` is the old name of `bind_mode`, whose default is mount. */
function normalizedBinding(binding: Json): Json {
  if (!isObject(binding)) return binding;
  const { type, bind_mode: mode, ...rest } = binding;
  const bindMode = mode ?? type;
  return bindMode === undefined || bindMode === "mount" ? rest : { ...rest, bind_mode: bindMode };
}

/** One step in the form where what means the same to the loader is equal. */
function normalizedStep(key: string, step: Json, defaultCompute: Json, folder: string): Json {
  if (!isObject(step)) return step;
  const type = step.type === "DatabricsStep" ? "DatabricksStep" : step.type;
  // The keys the loader passes to the kind: the rest it drops, so they carry no meaning.
  const passed = typeof type === "string" && isStepType(type) ? new Set(stepKeys(type)) : undefined;
  const out: Record<string, Json> = {};
  for (const [k, value] of Object.entries(step)) {
    if (passed && !passed.has(k) && !SIDE_FILE_KEYS.includes(k)) continue;
    if (k === "name" && value === key) continue;
    if (k === "compute" && value === defaultCompute) continue;
    if (k === "allow_reuse" && value === true) continue;
    // The loader reads an absent key as None, as it reads null.
    if (value === null) continue;
    if (SIDE_FILE_KEYS.includes(k)) out[k] = "(a file)";
    else if (k === "source_directory" && typeof value === "string") {
      const slashes = value.replace(/\\/g, "/");
      out[k] = isAbsoluteAnywhere(slashes) ? slashes : posix.normalize(posix.join(folder, slashes));
    } else if (k === "arguments" && Array.isArray(value)) out[k] = value.map((a) => String(a));
    else if (BINDING_SECTIONS.includes(k) && isObject(value))
      out[k] = Object.fromEntries(Object.entries(value).map(([n, b]) => [n, normalizedBinding(b)]));
    else out[k] = value;
  }
  return { ...out, ...(type !== undefined ? { type } : {}) };
}

/**
 * The pipeline in the form where files that mean the same to the SDK v1 loader are equal: the
 * description (or the deprecated `name` it falls back to), defaults converted as the loader converts
 * them, keys the loader ignores or drops left out, the loader's defaults left out, paths root-relative.
 */
function normalized({ document, folder }: PlacedPipelineDocument): Json {
  const pipeline = isObject(document) && isObject(document.pipeline) ? document.pipeline : {};
  const { name, description, parameters, data_references, steps, ...rest } = pipeline;
  const defaultCompute = pipeline.default_compute ?? null;
  const described = description ?? name;
  return {
    ...rest,
    ...(described !== undefined ? { description: described } : {}),
    parameters: Object.fromEntries(
      Object.entries(isObject(parameters) ? parameters : {}).map(([p, spec]) => [
        p,
        isObject(spec) && spec.default !== undefined
          ? { ...spec, default: convertedDefault(spec.type ?? null, spec.default) }
          : spec,
      ]),
    ),
    // The loader ignores a data reference's bind_mode.
    data_references: Object.fromEntries(
      Object.entries(isObject(data_references) ? data_references : {}).map(([r, ref]) => {
        if (!isObject(ref)) return [r, ref];
        const { bind_mode: _ignored, ...kept } = ref;
        return [r, kept];
      }),
    ),
    steps: Object.fromEntries(
      Object.entries(isObject(steps) ? steps : {}).map(([key, step]) => [
        key,
        normalizedStep(key, step, defaultCompute, folder),
      ]),
    ),
  };
}

/**
 * What differs between the original v1 pipeline YAML and the one compiled from its imported
 * TypeScript, as the SDK v1 loader would read each (see {@link normalized}): each setting lost,
 * added or changed, by its dotted path.
 */
export function v1PipelineDifferences(
  original: PlacedPipelineDocument,
  compiled: PlacedPipelineDocument,
): string[] {
  return leafDifferences(normalized(original), normalized(compiled));
}
