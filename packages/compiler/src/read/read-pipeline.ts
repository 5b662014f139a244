import { posix } from "node:path";
import { type Diagnostic, diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { DataReferenceIR, StoredProcedureParamIR } from "../ir/data-reference.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { ParameterIR, ParameterType } from "../ir/parameter.js";
import { IR_VERSION, type PipelineIR } from "../ir/pipeline.js";
import { checkPathSafety } from "../names/plain-name.js";
import { canonicalPath, type ProjectPathOptions } from "../names/project-paths.js";
import { IGNORED_KEY_HINTS } from "./known-keys.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import {
  type BesideFiles,
  readComputesBeside,
  readDatastoresBeside,
  readSchedulesBeside,
} from "./read-beside.js";
import type { ReadHost } from "./read-host.js";
import { readManifestPositions } from "./read-manifest.js";
import { readStep } from "./read-step.js";
import { readerFailure } from "./reader-failure.js";
import { stepReadContext } from "./side-file-reader.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** Options of {@link readPipeline}. */
export interface ReadOptions extends ProjectPathOptions {
  /** POSIX path (relative to the compile root) of the pipeline YAML to read. */
  readonly path: string;
  readonly host: ReadHost;
  /**
   * Severity of "referenced file not found" (AP104): `warning` for `validate` of files written on another
   * machine, `error` for `run` and `submit`. @default "warning"
   */
  readonly missingFileSeverity?: Severity;
}

const PIPELINE_KEYS = new Set([
  "name",
  "description",
  "parameters",
  "data_references",
  "default_compute",
  "steps",
]);
const PARAMETER_TYPES = new Set<ParameterType>(["string", "int", "float", "bool", "datapath"]);

/**
 * Reads a v1 pipeline YAML, and the amlpipe files beside it when it sits in a compiled directory
 * (computes/, datastores/, runconfigs, parallel_run_configs/, schedules/, manifest.json), into the IR.
 * Every problem is a coded diagnostic at its file:line:col; it never throws. Accepts the documented
 * format's looseness (`True`, quoted numbers, Windows paths, the `DatabricsStep` misspelling).
 */
export function readPipeline(options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  try {
    const ir = readInto(options, diagnostics);
    if (ir) {
      const severity = options.missingFileSeverity ?? "warning";
      diagnostics.push(...checkPathSafety(ir, { absoluteSeverity: severity, ...options }));
    }
    return { ir, diagnostics };
  } catch (error) {
    diagnostics.push(readerFailure(options.path, error));
    return { ir: undefined, diagnostics };
  }
}

/** The file's `pipeline:` map, with unknown top-level and pipeline keys reported; undefined when absent. */
function pipelineSection(options: ReadOptions, diagnostics: Diagnostic[]): YamlCursor | undefined {
  const { path, host } = options;
  const text = host.readFile(path);
  if (text === undefined) {
    diagnostics.push(diagnostic("AP902", `cannot read "${path}"`, { at: { file: path, line: 1, col: 1 } }));
    return undefined;
  }
  const root = parseYamlFile(path, text, diagnostics);
  if (!root) return undefined;
  if (!root.has("pipeline")) {
    const what = root.has("Schedule")
      ? "a schedule document (Schedule:), not a pipeline"
      : 'no top-level "pipeline:" key';
    root.typeError(`${path} has ${what}`, "a pipeline YAML starts with `pipeline:` holding `steps:`");
    return undefined;
  }
  for (const { key, value } of root.entries("the document")) {
    if (key !== "pipeline") value.file.report("AP102", "warning", `unknown top-level key "${key}"`, value.at);
  }
  const p = root.get("pipeline");
  for (const { key, value } of p.entries("pipeline")) {
    if (PIPELINE_KEYS.has(key)) continue;
    value.file.report(
      key === "data_reference" ? "AP103" : "AP102",
      "warning",
      `pipeline has unknown key "${key}": the Azure ML loader drops it silently`,
      value.at,
      IGNORED_KEY_HINTS.get(key),
    );
  }
  return p;
}

/** Letters, digits, `_`, `-` and `.` (not first): what a pipeline name may hold (it names a folder). */
const PLAIN_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * The pipeline's name: `name:`, else a `description:` that is a plain name, else the file's name (the
 * folder's, for a `pipeline.yaml`), made plain. A `name:`
 * in a file that is not amlpipe's own output (no manifest) gets the loader's deprecation (AP103).
 */
export function pipelineNameOf(
  p: YamlCursor,
  path: string,
  ownOutput: boolean,
): { name: string; description?: string } {
  const description = p.get("description").string("description");
  const name = p.get("name").string("name");
  if (name !== undefined && !ownOutput) {
    const at = p.get("name").at;
    p.file.report(
      "AP103",
      "warning",
      `"name" ("${name}") is deprecated by the Azure ML loader in favour of "description"`,
      at,
      description === undefined
        ? "write `description:` for what Azure ML shows; amlpipe keeps `name` as the pipeline name"
        : "the loader keeps only one of them: drop `name`, or keep it knowing amlpipe alone reads it",
    );
  }
  const yamlDir = posix.dirname(path);
  const base = posix.basename(path, posix.extname(path));
  const fromFile = (base === "pipeline" && yamlDir !== "." ? posix.basename(yamlDir) : base)
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .replace(/^\./, "_");
  const described = description !== undefined && PLAIN_NAME.test(description) ? description : undefined;
  return {
    name: name ?? described ?? fromFile,
    ...(description !== undefined ? { description } : {}),
  };
}

/**
 * Reads in stages: the `pipeline:` section; its parameters, data references and steps (with the
 * runconfig and ParallelRunConfig files they name); then the compiled directory around it (computes,
 * datastores, manifest, schedules); then the name.
 */
function readInto(options: ReadOptions, diagnostics: Diagnostic[]): PipelineIR | undefined {
  const p = pipelineSection(options, diagnostics);
  if (!p) return undefined;
  const { path, host } = options;
  const yamlDir = posix.dirname(path);
  const environments: EnvironmentIR[] = [];
  const context = stepReadContext({
    yamlDir,
    host,
    missingFileSeverity: options.missingFileSeverity ?? "warning",
    allow: options,
    diagnostics,
    environments,
  });
  const parameters = readParameters(p.get("parameters"));
  const dataReferences = readDataReferences(
    p.has("data_references") ? p.get("data_references") : p.get("data_reference"),
  );
  // No `steps:` at all is refused by the SDK v1 loader ("must have at least one step defined"); an empty
  // map it loads (rule AP208 warns that such a pipeline runs nothing).
  if (!p.has("steps"))
    p.typeError(
      'the pipeline has no "steps:"; the SDK v1 loader requires them ("must have at least one step defined")',
    );
  const steps = p
    .get("steps")
    .entries("steps")
    .flatMap(({ key, value }) => readStep(key, value, context) ?? []);
  const defaultCompute = p.get("default_compute").string("default_compute");
  const files: BesideFiles = {
    beside: (relative) => canonicalPath(posix.normalize(posix.join(yamlDir, relative)), options),
    host,
    diagnostics,
    at: p.at,
  };
  const computes = readComputesBeside(files, steps, defaultCompute);
  const datastores = readDatastoresBeside(files, { parameters, dataReferences, steps, computes });
  const manifest = readManifestPositions(host.readFile(files.beside("manifest.json")));
  const schedules = readSchedulesBeside(files, manifest?.schedules ?? []);
  return {
    irVersion: IR_VERSION,
    // amlpipe's own output (a manifest beside it) writes `name:` on purpose: it is the pipeline's name.
    ...pipelineNameOf(p, path, manifest !== undefined),
    source: manifest?.source ?? p.at,
    ...(defaultCompute !== undefined ? { defaultCompute } : {}),
    parameters,
    datastores,
    dataReferences,
    computes,
    environments,
    steps: manifest ? steps.map((s) => ({ ...s, source: manifest.steps[s.key] ?? s.source })) : steps,
    schedules,
  };
}

function readParameters(cursor: YamlCursor): ParameterIR[] {
  return cursor.entries("parameters").flatMap(({ key, value }): ParameterIR[] => {
    if (!value.has("type")) {
      value.typeError(
        `parameter "${key}" has no type; the SDK v1 loader requires one`,
        "add type: string (or int, float, bool, datapath)",
      );
      return [];
    }
    const type = (value.get("type").string("parameter type") ?? "string") as ParameterType;
    if (!PARAMETER_TYPES.has(type)) {
      value
        .get("type")
        .typeError(
          `parameter "${key}" has unknown type "${type}"`,
          "use string, int, float, bool or datapath",
        );
      return [];
    }
    const d = value.get("default");
    if (d.missing) return [{ name: key, type, source: value.at }];
    if (type === "datapath") {
      const datastore = d.get("datastore").string("datastore");
      const pathOnDatastore = d.get("path_on_datastore").string("path_on_datastore") ?? "";
      const complete = datastore !== undefined && d.has("path_on_datastore");
      if (!complete)
        d.typeError(`datapath parameter "${key}" default needs "datastore" and "path_on_datastore"`);
      return !complete || datastore === undefined
        ? []
        : [{ name: key, type, default: { datastore, pathOnDatastore }, source: value.at }];
    }
    const literal =
      type === "int"
        ? d.number("default", true)
        : type === "float"
          ? d.number("default")
          : type === "bool"
            ? loaderBoolDefault(key, d)
            : d.string("default");
    return [{ name: key, type, ...(literal !== undefined ? { default: literal } : {}), source: value.at }];
  });
}

/**
 * `sql_stored_procedure_params` as `_get_data_references` reads it: each parameter a map with a
 * `value` (required: the loader refuses one without) and an optional SQL `type`.
 */
function readStoredProcedureParams(cursor: YamlCursor): Record<string, StoredProcedureParamIR> | undefined {
  if (cursor.missing) return undefined;
  const entries = cursor.entries("sql_stored_procedure_params").flatMap(({ key, value }) => {
    if (!value.has("value")) {
      value.typeError(
        `stored procedure parameter "${key}" has no "value:": the SDK v1 loader refuses it ('Sql Parameter ${key} does not contain a "value:" definition')`,
        `write it as ${key}: {value: ..., type: String}`,
      );
      return [];
    }
    const literal = value.get("value").literal(`the value of "${key}"`);
    const type = value.get("type").string(`the type of "${key}"`);
    if (literal === undefined) return [];
    return [[key, { value: literal, ...(type !== undefined ? { type } : {}) }] as const];
  });
  return Object.fromEntries(entries);
}

/**
 * A bool parameter's default as `_get_pipeline_parameters` reads it: Python's `bool()` of the value,
 * so any non-empty text (`"false"` too) and any non-zero number is true. Anything but a YAML boolean
 * is a warning, read with the loader's meaning.
 */
function loaderBoolDefault(key: string, d: YamlCursor): boolean | undefined {
  const value = d.literal(`the default of "${key}"`);
  if (value === undefined || typeof value === "boolean") return value;
  const read = typeof value === "string" ? value.length > 0 : value !== 0;
  d.file.report(
    "AP101",
    "warning",
    `bool parameter "${key}" has the default ${JSON.stringify(value)}, which the SDK v1 loader reads as ${read ? "true" : "false"} (Python's bool() of it)`,
    d.at,
    `write ${typeof value === "string" && /^\s*false\s*$/i.test(value) ? "false" : "true or false"} unquoted`,
  );
  return read;
}

function readDataReferences(cursor: YamlCursor): DataReferenceIR[] {
  return cursor.entries("data_references").flatMap(({ key, value }): DataReferenceIR[] => {
    const source = value.at;
    const text = (k: string) => value.get(k).string(k);
    if (value.has("dataset_name") || value.has("dataset_id")) {
      const datasetName = text("dataset_name");
      const datasetId = text("dataset_id");
      return [
        {
          kind: "dataset",
          name: key,
          source,
          ...(datasetName ? { datasetName } : {}),
          ...(datasetId ? { datasetId } : {}),
        },
      ];
    }
    const datastore = text("datastore");
    if (datastore === undefined) {
      value.typeError(
        `data reference "${key}" needs "datastore" (with "path_on_datastore" or a SQL key) or "dataset_name"`,
      );
      return [];
    }
    const sqlKeys = ["sql_table", "sql_query", "sql_stored_procedure", "sql_stored_procedure_params"];
    if (sqlKeys.some((k) => value.has(k))) {
      const params = readStoredProcedureParams(value.get("sql_stored_procedure_params"));
      return [
        {
          kind: "sql",
          name: key,
          source,
          datastore,
          ...Object.fromEntries(
            [
              ["sqlTable", text("sql_table")],
              ["sqlQuery", text("sql_query")],
              ["sqlStoredProcedure", text("sql_stored_procedure")],
            ].filter(([, v]) => v !== undefined),
          ),
          ...(params ? { sqlStoredProcedureParams: params } : {}),
        },
      ];
    }
    if (!value.has("path_on_datastore")) {
      value.typeError(
        `data reference "${key}" names a datastore but no "path_on_datastore" (or SQL key): the SDK v1 loader refuses it ("Unrecognized data reference type")`,
      );
      return [];
    }
    if (value.has("bind_mode")) {
      const at = value.get("bind_mode").at;
      value.file.report(
        "AP102",
        "warning",
        `data reference "${key}" has bind_mode, which the SDK v1 loader ignores here: its inputs mount it`,
        at,
        "set bind_mode on each input that reads it instead",
      );
    }
    return [
      {
        kind: "datastore_path",
        name: key,
        source,
        datastore,
        pathOnDatastore: (text("path_on_datastore") ?? "").replace(/\\/g, "/"),
      },
    ];
  });
}
