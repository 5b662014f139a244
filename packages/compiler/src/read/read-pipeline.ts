import { posix } from "node:path";
import { safeFileName } from "../compiled-directory/file-names.js";
import { type Diagnostic, diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import type { DataReferenceIR } from "../ir/data-reference.js";
import type { DatastoreIR } from "../ir/datastore.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { ParameterIR, ParameterType } from "../ir/parameter.js";
import { IR_VERSION, type PipelineIR } from "../ir/pipeline.js";
import type { ScheduleIR } from "../ir/schedule.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { StepIR } from "../ir/step.js";
import { stepOutputs } from "../ir/step-bindings.js";
import { checkPathSafety } from "../names/plain-name.js";
import { canonicalPath, isAbsoluteAnywhere, type ProjectPathOptions } from "../names/project-paths.js";
import { IGNORED_KEY_HINTS } from "./known-keys.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import type { ReadHost } from "./read-host.js";
import { readManifestPositions } from "./read-manifest.js";
import { readSpecFile } from "./read-spec-file.js";
import {
  readComputeSpec,
  readDatastoreSpec,
  readParallelRunConfigSpec,
  readRunconfigSpec,
  readScheduleSpec,
} from "./read-specs.js";
import { type RunconfigFacts, readStep, type StepReadContext } from "./read-step.js";
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
    // A reader bug must still end in a diagnostic, never a crash in the user's face.
    diagnostics.push(
      diagnostic(
        "AP101",
        `the reader failed on this file: ${error instanceof Error ? error.message : String(error)}`,
        {
          at: { file: options.path, line: 1, col: 1 },
          hint: "this is an amlpipe bug: please report it with the file",
        },
      ),
    );
    return { ir: undefined, diagnostics };
  }
}

function readInto(options: ReadOptions, diagnostics: Diagnostic[]): PipelineIR | undefined {
  const { path, host } = options;
  const missingFileSeverity = options.missingFileSeverity ?? "warning";
  const text = host.readFile(path);
  if (text === undefined) {
    diagnostics.push(
      diagnostic("AP902", `cannot read "${path}"`, {
        at: { file: path, line: 1, col: 1 },
      }),
    );
    return undefined;
  }
  const root = parseYamlFile(path, text, diagnostics);
  if (!root) return undefined;
  const yamlDir = posix.dirname(path);
  const beside = (relative: string) => canonicalPath(posix.normalize(posix.join(yamlDir, relative)), options);
  // A referenced file: absolute paths stay absolute so that AP110 refuses them rather than reading
  // them under the YAML's folder.
  const referenced = (raw: string) => {
    const path = raw.replace(/\\/g, "/");
    return isAbsoluteAnywhere(path) ? canonicalPath(path, options) : beside(path);
  };
  const readSpec = <T>(file: string, at: SourcePosition, read: (cursor: YamlCursor) => T) =>
    readSpecFile(file, at, { host, severity: missingFileSeverity, diagnostics, allow: options }, read);

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
    const severity = key === "data_reference" ? "AP103" : "AP102";
    value.file.report(
      severity,
      "warning",
      `pipeline has unknown key "${key}": the Azure ML loader drops it silently`,
      value.at,
      IGNORED_KEY_HINTS.get(key),
    );
  }

  const environments: EnvironmentIR[] = [];
  const runconfigCache = new Map<string, RunconfigFacts | undefined>();
  const context: StepReadContext = {
    yamlDir,
    host,
    missingFileSeverity,
    allow: options,
    readRunconfig(relative, at) {
      const file = referenced(relative);
      if (runconfigCache.has(file)) return runconfigCache.get(file);
      const facts = readSpec(file, at, (cursor) => {
        const spec = readRunconfigSpec(cursor);
        const existing = environments.find(
          (e) => JSON.stringify({ ...e, source: 0 }) === JSON.stringify({ ...spec.environment, source: 0 }),
        );
        if (!existing) environments.push(spec.environment);
        return {
          environment: spec.environment.name,
          framework: spec.framework,
          ...(spec.jarLibraries ? { jarLibraries: spec.jarLibraries } : {}),
        };
      });
      runconfigCache.set(file, facts);
      return facts;
    },
    readParallelRunConfig(relative, at) {
      return readSpec(referenced(relative), at, readParallelRunConfigSpec);
    },
  };

  const parameters = readParameters(p.get("parameters"));
  const dataReferences = readDataReferences(
    p.has("data_references") ? p.get("data_references") : p.get("data_reference"),
  );
  const steps = p
    .get("steps")
    .entries("steps")
    .flatMap(({ key, value }) => readStep(key, value, context) ?? []);
  // No `steps:` is not a shape error: the documented snippets have none, and rule AP208 reports it.
  const defaultCompute = p.get("default_compute").string("default_compute");

  const computes = readComputes(steps, defaultCompute, p.at, beside, host, diagnostics);
  const datastores = readDatastores(
    parameters,
    dataReferences,
    steps,
    computes,
    p.at,
    beside,
    host,
    diagnostics,
  );
  const manifest = readManifestPositions(host.readFile(beside("manifest.json")));
  const schedules = (manifest?.schedules ?? []).flatMap((name): ScheduleIR[] => {
    const file = beside(`schedules/${safeFileName(name)}.yaml`);
    const cursor = parseYamlFile(file, host.readFile(file) ?? "", diagnostics);
    const schedule = cursor ? readScheduleSpec(name, cursor) : undefined;
    return schedule ? [schedule] : [];
  });
  const description = p.get("description").string("description");
  const name = p.get("name").string("name");
  if (name !== undefined && !manifest) {
    // amlpipe's own output (a manifest beside it) writes `name:` on purpose: it is the pipeline's name.
    const nameCursor = p.get("name");
    nameCursor.file.report(
      "AP103",
      "warning",
      `"name" ("${name}") is deprecated by the Azure ML loader in favour of "description"`,
      nameCursor.at,
      description === undefined
        ? "write `description:` for what Azure ML shows; amlpipe keeps `name` as the pipeline name"
        : "the loader keeps only one of them: drop `name`, or keep it knowing amlpipe alone reads it",
    );
  }
  return {
    irVersion: IR_VERSION,
    name:
      name ??
      description ??
      posix.basename(yamlDir === "." ? posix.basename(path, posix.extname(path)) : yamlDir),
    ...(description !== undefined ? { description } : {}),
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
      if (datastore === undefined)
        d.typeError(`datapath parameter "${key}" default needs "datastore" and "path_on_datastore"`);
      return datastore === undefined
        ? []
        : [{ name: key, type, default: { datastore, pathOnDatastore }, source: value.at }];
    }
    const literal =
      type === "int"
        ? d.number("default", true)
        : type === "float"
          ? d.number("default")
          : type === "bool"
            ? d.boolean("default")
            : d.string("default");
    return [{ name: key, type, ...(literal !== undefined ? { default: literal } : {}), source: value.at }];
  });
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
    if (value.has("sql_table") || value.has("sql_query") || value.has("sql_stored_procedure")) {
      const params = value.get("sql_stored_procedure_params").stringMap("sql_stored_procedure_params");
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
    const bindMode = text("bind_mode");
    return [
      {
        kind: "datastore_path",
        name: key,
        source,
        datastore,
        pathOnDatastore: (text("path_on_datastore") ?? "").replace(/\\/g, "/"),
        ...(bindMode === "mount" || bindMode === "download" || bindMode === "upload" ? { bindMode } : {}),
      },
    ];
  });
}

function readComputes(
  steps: readonly StepIR[],
  defaultCompute: string | undefined,
  at: SourcePosition,
  beside: (p: string) => string,
  host: ReadHost,
  diagnostics: Diagnostic[],
): ComputeIR[] {
  const names = [
    ...new Set([
      ...(defaultCompute ? [defaultCompute] : []),
      ...steps.flatMap((s) => (s.compute ? [s.compute] : [])),
    ]),
  ];
  return names.map((name): ComputeIR => {
    const file = beside(`computes/${safeFileName(name)}.yaml`);
    const text = host.readFile(file);
    const cursor = text === undefined ? undefined : parseYamlFile(file, text, diagnostics);
    return (cursor && readComputeSpec(cursor)) || { name, kind: "unknown", source: at };
  });
}

function readDatastores(
  parameters: readonly ParameterIR[],
  references: readonly DataReferenceIR[],
  steps: readonly StepIR[],
  computes: readonly ComputeIR[],
  at: SourcePosition,
  beside: (p: string) => string,
  host: ReadHost,
  diagnostics: Diagnostic[],
): DatastoreIR[] {
  const names = new Set<string>();
  for (const c of computes) if (c.kind === "adla") names.add(c.defaultDatastore);
  for (const r of references) if (r.kind !== "dataset") names.add(r.datastore);
  for (const s of steps) {
    for (const o of stepOutputs(s)) if (o.datastore) names.add(o.datastore);
  }
  for (const p of parameters) if (typeof p.default === "object") names.add(p.default.datastore);
  return [...names].map((name): DatastoreIR => {
    const file = beside(`datastores/${safeFileName(name)}.yaml`);
    const text = host.readFile(file);
    const cursor = text === undefined ? undefined : parseYamlFile(file, text, diagnostics);
    return (cursor && readDatastoreSpec(cursor)) || { name, kind: "unknown", source: at };
  });
}
