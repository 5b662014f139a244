import { posix } from "node:path";
import type { Severity } from "../diagnostics/diagnostic.js";
import { AFTER_DATA_PREFIX, AFTER_OUTPUT } from "../emit-v1/after-markers.js";
import type { SourcePosition } from "../ir/source-position.js";
import type {
  InputBindingIR,
  OutputBindingIR,
  ParallelRunConfigIR,
  StepBaseIR,
  StepIR,
  StepType,
} from "../ir/step.js";
import {
  canonicalPath,
  isAbsoluteAnywhere,
  outsideProjectProblem,
  type ProjectPathOptions,
} from "../names/project-paths.js";
import { COMMON_STEP_KEYS, IGNORED_KEY_HINTS, OWN_STEP_KEYS, UNSUPPORTED_STEP_TYPES } from "./known-keys.js";
import { readArguments, readInput, readOutput, readStepParameters } from "./read-bindings.js";
import type { ReadHost } from "./read-host.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** What a runconfig file tells about a step. */
export interface RunconfigFacts {
  readonly environment?: string;
  readonly framework?: "python" | "pyspark";
  readonly jarLibraries?: readonly string[];
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
  readParallelRunConfig(path: string, at: SourcePosition): ParallelRunConfigIR | undefined;
}

/** Marker names that carry `.after()` ordering (see emit-v1/after-markers.ts). */

const STEP_TYPES = Object.keys(OWN_STEP_KEYS) as StepType[];

/** Reads one entry of `steps:` into the IR; undefined when it cannot be (the reason is reported). */
export function readStep(key: string, cursor: YamlCursor, context: StepReadContext): StepIR | undefined {
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
  if (type === undefined || !STEP_TYPES.includes(type as StepType)) {
    typeCursor.typeError(`unknown step type "${type ?? ""}"`, `use one of ${STEP_TYPES.join(", ")}`);
    return undefined;
  }
  const stepType = type as StepType;
  const known = new Set<string>([...COMMON_STEP_KEYS, ...OWN_STEP_KEYS[stepType]]);
  const unknownKeys: { key: string; source: SourcePosition }[] = [];
  for (const { key: name, value } of cursor.entries(`step "${key}"`)) {
    if (known.has(name)) continue;
    unknownKeys.push({ key: name, source: value.at });
    value.file.report(
      "AP102",
      "warning",
      `step "${key}" has unknown key "${name}": the Azure ML loader drops it silently`,
      value.at,
      IGNORED_KEY_HINTS.get(name) ?? `keys of a ${stepType}: ${[...known].join(", ")}`,
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

  const sourceDirectory = readSourceDirectory(cursor.get("source_directory"), context);
  const runconfigCursor = cursor.get("runconfig");
  const runconfigPath = runconfigCursor.string("runconfig");
  const runconfig =
    runconfigPath === undefined ? undefined : context.readRunconfig(runconfigPath, runconfigCursor.at);

  const inputs: InputBindingIR[] = [];
  const after: string[] = [];
  for (const { key: name, value } of cursor.get("inputs").entries("inputs")) {
    const binding = readInput(name, value);
    if (!binding) continue;
    if (binding.from.startsWith(AFTER_DATA_PREFIX) && name === binding.from)
      after.push(binding.from.slice(AFTER_DATA_PREFIX.length));
    else inputs.push(binding);
  }
  const outputs = cursor
    .get("outputs")
    .entries("outputs")
    .flatMap(({ key: name, value }) => (name === AFTER_OUTPUT ? [] : (readOutput(name, value) ?? [])));
  const compute = cursor.get("compute").string("compute");
  const allowReuse = cursor.get("allow_reuse").boolean("allow_reuse");
  const base: StepBaseIR = {
    key,
    name: cursor.get("name").string("name") ?? key,
    source: cursor.at,
    ...(compute !== undefined ? { compute } : {}),
    ...(sourceDirectory !== undefined ? { sourceDirectory } : {}),
    ...(runconfig?.environment !== undefined ? { environment: runconfig.environment } : {}),
    arguments: readArguments(cursor.get("arguments")),
    parameters: readStepParameters(cursor.get("parameters")),
    inputs,
    outputs,
    allowReuse: allowReuse ?? true,
    after,
    ...(unknownKeys.length > 0 ? { unknownKeys } : {}),
  };
  return readOwnKeys(stepType, base, cursor, context, runconfig);
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
      "check the path: it is relative to the pipeline YAML's folder",
    );
  }
  return relative;
}

function checkScript(
  base: StepBaseIR,
  script: string | undefined,
  cursor: YamlCursor,
  context: StepReadContext,
): void {
  if (script === undefined || base.sourceDirectory === undefined) return;
  const path = posix.join(base.sourceDirectory, script.replace(/\\/g, "/"));
  if (context.host.exists(base.sourceDirectory) && !context.host.exists(path)) {
    cursor.file.report(
      "AP104",
      context.missingFileSeverity,
      `script "${script}" is not in source_directory (looked for ${path})`,
      cursor.at,
    );
  }
}

function readOwnKeys(
  type: StepType,
  base: StepBaseIR,
  cursor: YamlCursor,
  context: StepReadContext,
  runconfig: RunconfigFacts | undefined,
): StepIR | undefined {
  const text = (key: string) => cursor.get(key).string(key);
  const int = (key: string) => cursor.get(key).number(key, true);
  const flag = (key: string) => cursor.get(key).boolean(key);
  const pick = <T extends Record<string, unknown>>(record: T) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
      [K in keyof T]?: Exclude<T[K], undefined>;
    };
  switch (type) {
    case "PythonScriptStep": {
      const scriptName = text("script_name") ?? "";
      checkScript(base, scriptName || undefined, cursor.get("script_name"), context);
      return {
        ...base,
        type,
        scriptName,
        ...(runconfig?.framework === "pyspark" ? { framework: "pyspark" as const } : {}),
      };
    }
    case "ParallelRunStep": {
      const configCursor = cursor.get("parallel_run_config");
      const path = configCursor.string("parallel_run_config");
      const parallelRunConfig = (path !== undefined &&
        context.readParallelRunConfig(path, configCursor.at)) || { entryScript: "" };
      const sideInputs = cursor
        .get("side_inputs")
        .entries("side_inputs")
        .flatMap(({ key, value }) => readInput(key, value) ?? []);
      return { ...base, type, parallelRunConfig, sideInputs };
    }
    case "AdlaStep": {
      const scriptName = text("script_name") ?? "";
      checkScript(base, scriptName || undefined, cursor.get("script_name"), context);
      return {
        ...base,
        type,
        scriptName,
        ...pick({
          degreeOfParallelism: int("degree_of_parallelism"),
          priority: int("priority"),
          runtimeVersion: text("runtime_version"),
        }),
      };
    }
    case "AzureBatchStep":
      return {
        ...base,
        type,
        executable: text("executable") ?? "",
        createPool: flag("create_pool") ?? false,
        vmSize: text("vm_size") ?? "standard_d1_v2",
        deleteBatchJobAfterFinish: flag("delete_batch_job_after_finish") ?? true,
        deleteBatchPoolAfterFinish: flag("delete_batch_pool_after_finish") ?? false,
        isPositiveExitCodeFailure: flag("is_positive_exit_code_failure") ?? true,
        runTaskAsAdmin: flag("run_task_as_admin") ?? false,
        targetComputeNodes: int("target_compute_nodes") ?? 1,
        ...pick({ poolId: text("pool_id"), vmImageUrn: text("vm_image_urn") }),
      };
    case "DatabricksStep":
      return {
        ...base,
        type,
        ...pick({
          runName: text("run_name"),
          notebookPath: text("notebook_path"),
          notebookParams: cursor.get("notebook_params").stringMap("notebook_params"),
          pythonScriptPath: text("python_script_path"),
          pythonScriptName: text("python_script_name"),
          pythonScriptParams: cursor.get("python_script_params").strings("python_script_params"),
          mainClassName: text("main_class_name"),
          jarParams: cursor.get("jar_params").strings("jar_params"),
          jarLibraries: runconfig?.jarLibraries,
          existingClusterId: text("existing_cluster_id"),
          sparkVersion: text("spark_version"),
          nodeType: text("node_type"),
          instancePoolId: text("instance_pool_id"),
          numWorkers: int("num_workers"),
          minWorkers: int("min_workers"),
          maxWorkers: int("max_workers"),
          sparkEnvVariables: cursor.get("spark_env_variables").stringMap("spark_env_variables"),
          sparkConf: cursor.get("spark_conf").stringMap("spark_conf"),
          initScripts: cursor.get("init_scripts").strings("init_scripts"),
          clusterLogDbfsPath: text("cluster_log_dbfs_path"),
          timeoutSeconds: int("timeout_seconds"),
        }),
      };
    case "DataTransferStep": {
      const source = oneEntry(cursor.get("source_data_reference"), "source_data_reference", readInput);
      const destination = oneEntry(
        cursor.get("destination_data_reference"),
        "destination_data_reference",
        readDestination,
      );
      if (!source || !destination) return undefined;
      const referenceType = (key: string) => {
        const value = text(key);
        if (value !== undefined && value !== "file" && value !== "directory") {
          cursor.get(key).typeError(`${key} must be "file" or "directory", got "${value}"`);
          return undefined;
        }
        return value as "file" | "directory" | undefined;
      };
      return {
        ...base,
        type,
        sourceDataReference: source,
        destinationDataReference: destination,
        ...pick({
          sourceReferenceType: referenceType("source_reference_type"),
          destinationReferenceType: referenceType("destination_reference_type"),
        }),
      };
    }
  }
}

/**
 * A DataTransferStep destination. The documented example names it with `source:` rather than
 * `destination:`; that is accepted (with AP103) so the documented file reads.
 */
function readDestination(name: string, binding: YamlCursor): OutputBindingIR | undefined {
  if (!binding.has("destination") && binding.has("source")) {
    const at = binding.get("source").at;
    binding.file.report(
      "AP103",
      "warning",
      `destination "${name}" is named with "source:"; the Azure ML loader expects "destination:"`,
      at,
      "write `destination:`",
    );
    const destination = binding.get("source").string("destination");
    return destination === undefined ? undefined : { name, destination, source: binding.at };
  }
  return readOutput(name, binding);
}

function oneEntry<T extends InputBindingIR | OutputBindingIR>(
  cursor: YamlCursor,
  key: string,
  read: (name: string, value: YamlCursor) => T | undefined,
): T | undefined {
  const entries = cursor.entries(key);
  if (entries.length !== 1 || !entries[0]) {
    cursor.typeError(`${key} must have exactly one entry (name: binding), found ${entries.length}`);
    return undefined;
  }
  return read(entries[0].key, entries[0].value);
}
