import { posix } from "node:path";
import { isMap } from "yaml";
import { AFTER_DATA_PREFIX, AFTER_OUTPUT } from "../compiled-directory/after-markers.js";
import type { Severity } from "../diagnostics/diagnostic.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { InputBindingIR, ParallelRunConfigIR, StepBaseIR, StepIR, StepType } from "../ir/step.js";
import { isStepType, STEP_KINDS, STEP_TYPES, withKind } from "../kinds/steps/index.js";
import type { LoaderTypedKeys } from "../kinds/steps/step-kind.js";
import {
  canonicalPath,
  isAbsoluteAnywhere,
  outsideProjectProblem,
  type ProjectPathOptions,
} from "../names/project-paths.js";
import { FEATURE_KEYS, IGNORED_KEY_HINTS, stepKeys, UNSUPPORTED_STEP_TYPES } from "./known-keys.js";

const FEATURE_KEY_NAMES: ReadonlySet<string> = new Set(Object.values(FEATURE_KEYS));

import { readArguments, readInput, readOutput, readStepParameters } from "./read-bindings.js";
import type { ReadHost } from "./read-host.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** What a runconfig file tells about a step. */
export interface RunconfigFacts {
  readonly environment?: string;
  readonly framework?: "python" | "pyspark";
  readonly jarLibraries?: readonly string[];
}

/** What a ParallelRunStep's config file tells: the config, and where the step runs, from what, with what. */
export interface ParallelRunConfigRead {
  readonly config: Partial<ParallelRunConfigIR> & { readonly entryScript: string };
  readonly compute?: string;
  /** Relative to the compile root. */
  readonly sourceDirectory?: string;
  /** The name of the environment (in the pipeline's environments). */
  readonly environment?: string;
}

/** What reading a step needs from the rest of the reader. */
export interface StepReadContext {
  /** POSIX folder of the pipeline YAML, relative to the root. */
  readonly yamlDir: string;
  readonly host: ReadHost;
  readonly missingFileSeverity: Severity;
  /** Folders outside the root the user allowed (`--allow-outside`). */
  readonly allow: ProjectPathOptions;
  readRunconfig(path: string, at: SourcePosition): RunconfigFacts | undefined;
  readParallelRunConfig(path: string, at: SourcePosition): ParallelRunConfigRead | undefined;
}

/** The step's kind from `type:` (the `DatabricsStep` misspelling accepted); undefined when it has none. */
function readStepType(key: string, cursor: YamlCursor): StepType | undefined {
  if (cursor.missing || !cursor.has("type")) {
    cursor.typeError(`step "${key}" needs a "type", one of ${STEP_TYPES.join(", ")}`);
    return undefined;
  }
  const typeCursor = cursor.get("type");
  let type = typeCursor.string("step type");
  if (type === "DatabricsStep") {
    cursor.file.report(
      "AP103",
      "warning",
      `"DatabricsStep" is a misspelling of "DatabricksStep" (from one copy of the docs)`,
      typeCursor.at,
      "write DatabricksStep",
    );
    type = "DatabricksStep";
  }
  if (type !== undefined && UNSUPPORTED_STEP_TYPES.includes(type)) {
    cursor.file.report(
      "AP106",
      "error",
      `step type "${type}" cannot be defined in pipeline YAML`,
      typeCursor.at,
      "define this step with the SDK, or replace it with a supported step type",
    );
    return undefined;
  }
  if (type === undefined || !isStepType(type)) {
    typeCursor.typeError(`unknown step type "${type ?? ""}"`, `use one of ${STEP_TYPES.join(", ")}`);
    return undefined;
  }
  return type;
}

/** Reports (AP102) and lists the keys the loader does not pass to a step of `type`. */
function unknownStepKeys(
  key: string,
  type: StepType,
  cursor: YamlCursor,
): { key: string; source: SourcePosition }[] {
  const known = new Set<string>(stepKeys(type));
  const unknown: { key: string; source: SourcePosition }[] = [];
  for (const { key: name, value } of cursor.entries(`step "${key}"`)) {
    if (known.has(name) || onlyAfterMarkers(name, value)) continue;
    unknown.push({ key: name, source: value.at });
    value.file.report(
      "AP102",
      "warning",
      FEATURE_KEY_NAMES.has(name)
        ? `a ${type} has no "${name}": the Azure ML loader does not pass them to the step`
        : `step "${key}" has unknown key "${name}": the Azure ML loader drops it silently`,
      value.at,
      IGNORED_KEY_HINTS.get(name) ?? `keys of a ${type}: ${[...known].join(", ")}`,
    );
  }
  if (cursor.has("hash_paths")) {
    cursor.file.report(
      "AP103",
      "warning",
      `"hash_paths" is deprecated: the whole source directory is hashed`,
      cursor.get("hash_paths").at,
    );
  }
  return unknown;
}

/**
 * The bindings, arguments and parameters the loader passes to a step of `type` (the others were
 * reported as unknown keys), with the `.after()` markers amlpipe writes read back as `after`.
 */
function readCommonBindings(type: StepType, cursor: YamlCursor) {
  const features = STEP_KINDS[type].features;
  const inputs: InputBindingIR[] = [];
  const after: string[] = [];
  for (const { key: name, value } of cursor.get("inputs").entries("inputs")) {
    const binding = readInput(name, value);
    if (!binding) continue;
    if (binding.from.startsWith(AFTER_DATA_PREFIX) && name === binding.from)
      after.push(binding.from.slice(AFTER_DATA_PREFIX.length));
    else if (features.inputs) inputs.push(binding);
  }
  const outputs = features.outputs
    ? cursor
        .get("outputs")
        .entries("outputs")
        .flatMap(({ key: name, value }) => (name === AFTER_OUTPUT ? [] : (readOutput(name, value) ?? [])))
    : [];
  return {
    arguments: features.arguments ? readArguments(cursor.get("arguments")) : [],
    parameters: features.parameters ? readStepParameters(cursor.get("parameters")) : [],
    inputs,
    outputs,
    after,
  };
}

/** Keys of every step whose YAML type the SDK v1 loader checks (`_str_check`, `_int_check`). */
const COMMON_TYPED: LoaderTypedKeys = {
  string: ["name", "version", "runtime_version", "source_directory"],
  integer: ["priority", "degree_of_parallelism"],
  boolean: ["allow_reuse"],
};

/** Refuses, at the value, what the loader refuses for its type (a number where it wants text, ...). */
function checkLoaderTypes(key: string, cursor: YamlCursor, typed: readonly LoaderTypedKeys[]): void {
  for (const keys of typed)
    for (const type of ["string", "integer", "boolean"] as const)
      for (const name of keys[type] ?? [])
        if (cursor.has(name)) cursor.get(name).expectLoaderType(type, `${name} of step "${key}"`);
}

/** Reads one entry of `steps:` into the IR; undefined when it cannot be (the reason is reported). */
export function readStep(key: string, cursor: YamlCursor, context: StepReadContext): StepIR | undefined {
  const type = readStepType(key, cursor);
  if (type === undefined) return undefined;
  const unknownKeys = unknownStepKeys(key, type, cursor);
  checkLoaderTypes(key, cursor, [COMMON_TYPED, STEP_KINDS[type].v1Typed ?? {}]);
  const sourceDirectory = readSourceDirectory(cursor.get("source_directory"), context);
  const runconfigCursor = cursor.get("runconfig");
  const runconfigPath = runconfigCursor.string("runconfig");
  const runconfig =
    runconfigPath === undefined ? undefined : context.readRunconfig(runconfigPath, runconfigCursor.at);
  const compute = cursor.get("compute").string("compute");
  const base: StepBaseIR = {
    key,
    name: cursor.get("name").string("name") ?? key,
    source: cursor.at,
    ...(compute !== undefined ? { compute } : {}),
    ...(compute === undefined && type === "PythonScriptStep" && runconfigPath !== undefined
      ? { computeFromRunconfig: true as const }
      : {}),
    ...(sourceDirectory !== undefined ? { sourceDirectory } : {}),
    ...(runconfig?.environment !== undefined ? { environment: runconfig.environment } : {}),
    ...readCommonBindings(type, cursor),
    allowReuse: cursor.get("allow_reuse").boolean("allow_reuse") ?? true,
    ...(unknownKeys.length > 0 ? { unknownKeys } : {}),
  };
  // The kind reads its own keys; `withKind` types the base as that kind's.
  return withKind(
    { ...base, type } as StepIR,
    (kind): StepIR | undefined => kind.read(base, cursor, context, runconfig) as StepIR | undefined,
  );
}

function readSourceDirectory(cursor: YamlCursor, context: StepReadContext): string | undefined {
  const raw = cursor.string("source_directory");
  if (raw === undefined) return undefined;
  // Windows paths from files written on Windows: backslashes are folder separators.
  const posixPath = raw.replace(/\\/g, "/");
  // Absolute paths stay absolute, so that AP110 refuses them instead of reading them elsewhere.
  const relative = isAbsoluteAnywhere(posixPath)
    ? canonicalPath(posixPath, context.allow)
    : canonicalPath(posix.normalize(posix.join(context.yamlDir, posixPath)), context.allow);
  if (outsideProjectProblem(relative, context.allow) !== undefined) return relative;
  if (!context.host.exists(relative)) {
    cursor.file.report(
      "AP104",
      context.missingFileSeverity,
      `source_directory "${raw}" does not exist (looked for ${relative})`,
      cursor.at,
      "amlpipe reads it relative to the pipeline YAML's folder; the Azure ML CLI and SDK resolve it against the working directory, so run them from that folder",
    );
  }
  return relative;
}

/**
 * Whether `inputs:`/`outputs:` hold nothing but the `.after()` markers amlpipe writes (which every kind
 * carries, so they are not a feature the kind lacks).
 */
function onlyAfterMarkers(key: string, value: YamlCursor): boolean {
  if ((key !== "inputs" && key !== "outputs") || !isMap(value.node)) return false;
  const names = value.entries(key).map((entry) => entry.key);
  return names.length > 0 && names.every((n) => n === AFTER_OUTPUT || n.startsWith(AFTER_DATA_PREFIX));
}
