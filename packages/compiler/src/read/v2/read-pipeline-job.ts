import { posix } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataReferenceIR } from "../../ir/data-reference.js";
import type { EnvironmentIR } from "../../ir/environment.js";
import type { ParameterIR } from "../../ir/parameter.js";
import { IR_VERSION, type PipelineIR } from "../../ir/pipeline.js";
import type { StepIR } from "../../ir/step.js";
import { checkPathSafety } from "../../names/plain-name.js";
import { canonicalPath } from "../../names/project-paths.js";
import { parseYamlFile } from "../parse-yaml-file.js";
import { type BesideFiles, readComputesBeside, readDatastoresBeside } from "../read-beside.js";
import { readManifestPositions } from "../read-manifest.js";
import type { ReadOptions } from "../read-pipeline.js";
import { readerFailure } from "../reader-failure.js";
import { missingStepFiles } from "../step-files.js";
import type { YamlCursor } from "../yaml-cursor.js";
import { type DataFiles, readDataValue } from "./v2-data.js";
import { parseBinding } from "./v2-expressions.js";
import { computeName, readV2Node } from "./v2-node.js";
import type { PipelineInputRole, V2ReadContext } from "./v2-read-context.js";
import { checkPipelineJobSchema } from "./v2-schema-check.js";

const PIPELINE_KEYS = new Set([
  "$schema",
  "type",
  "name",
  "display_name",
  "experiment_name",
  "description",
  "settings",
  "inputs",
  "outputs",
  "jobs",
]);

/** The pipeline's `inputs:`: values become parameters, data objects data references. */
function readPipelineInputs(root: YamlCursor, files: DataFiles) {
  const parameters: ParameterIR[] = [];
  const references: DataReferenceIR[] = [];
  const roles = new Map<string, PipelineInputRole>();
  const modes = new Map<string, YamlCursor>();
  for (const { key, value } of root.get("inputs").entries("inputs")) {
    if (value.node && "value" in value.node) {
      const literal = value.literal(`input ${key}`);
      if (literal === undefined) continue;
      const type =
        typeof literal === "boolean"
          ? "bool"
          : typeof literal === "string"
            ? "string"
            : Number.isInteger(literal)
              ? "int"
              : "float";
      parameters.push({ name: key, type, default: literal, source: value.at });
      roles.set(key, "parameter");
      continue;
    }
    const reference = readDataValue(key, value, files);
    if (!reference) continue;
    references.push(reference);
    roles.set(key, "data");
    if (value.has("mode")) modes.set(key, value.get("mode"));
  }
  return { parameters, references, roles, modes };
}

/**
 * The intermediate data name of each job output: the pipeline output it is bound to, else
 * `<job>_<output>`, the name the DSL gives an output (so the v1 and v2 files of one pipeline read
 * to the same graph).
 */
function destinations(jobs: readonly { key: string; value: YamlCursor }[]) {
  const bound = new Map<string, string>();
  for (const { key: job, value } of jobs)
    for (const { key: output, value: target } of value.get("outputs").entries("outputs")) {
      const binding =
        target.node && "value" in target.node ? parseBinding(String(target.literal("output"))) : undefined;
      if (binding?.kind === "parent_output") bound.set(`${job}\u0000${output}`, binding.name);
    }
  return (job: string, output: string): string => bound.get(`${job}\u0000${output}`) ?? `${job}_${output}`;
}

/** A name not yet in `names` (`name`, `name_2`, ...), added to it. */
function uniqueName(name: string, names: Set<string>): string {
  let candidate = name;
  for (let n = 2; names.has(candidate); n++) candidate = `${name}_${n}`;
  names.add(candidate);
  return candidate;
}

/** What makes two data references the same data (their names aside). */
function dataKey(r: DataReferenceIR): string {
  const { name: _name, source: _source, ...rest } = r;
  return JSON.stringify(rest);
}

/**
 * Reads a v2 pipeline job YAML (`az ml job create -f pipeline.yml`, or `compile --target v2` output)
 * into the IR: command and spark jobs as PythonScriptSteps, parallel jobs as ParallelRunSteps, copies
 * as DataTransferSteps; pipeline inputs as parameters and data references (datastore paths, data
 * assets, local files). The file is checked against azure-ai-ml's rules (AP101 at the line); what the
 * IR cannot carry is AP112 at its line. It never throws.
 */
export function readPipelineJob(options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  try {
    return { ir: readInto(options, diagnostics), diagnostics };
  } catch (error) {
    diagnostics.push(readerFailure(options.path, error));
    return { ir: undefined, diagnostics };
  }
}

/**
 * What the jobs are read with: the pipeline's inputs and outputs, the data names of job outputs, and
 * the data references and environments the jobs add (each distinct one once, under a unique name).
 */
function jobContext(
  root: YamlCursor,
  files: DataFiles,
  inputs: ReturnType<typeof readPipelineInputs>,
  reportUnread: V2ReadContext["reportUnread"],
): { context: V2ReadContext; references: DataReferenceIR[]; environments: EnvironmentIR[] } {
  const references = [...inputs.references];
  const referenceNames = new Set(references.map((r) => r.name));
  const environments: EnvironmentIR[] = [];
  const environmentNames = new Set<string>();
  const context: V2ReadContext = {
    files,
    pipelineInputs: inputs.roles,
    pipelineInputModes: inputs.modes,
    pipelineOutputs: new Map(
      root
        .get("outputs")
        .entries("outputs")
        .map(({ key, value }) => [key, value]),
    ),
    destination: destinations(root.get("jobs").entries("jobs")),
    addReference(reference) {
      const same = references.find((r) => dataKey(r) === dataKey(reference));
      if (same) return same.name;
      const named = { ...reference, name: uniqueName(reference.name, referenceNames) };
      references.push(named);
      return named.name;
    },
    addEnvironment(environment) {
      // The same environment in several jobs is declared once.
      const key = (e: EnvironmentIR) => JSON.stringify({ ...e, source: undefined });
      const same = environments.find((e) => key(e) === key(environment));
      if (same) return same.name;
      const named = { ...environment, name: uniqueName(environment.name, environmentNames) };
      environments.push(named);
      return named.name;
    },
    reportUnread,
  };
  return { context, references, environments };
}

function readInto(options: ReadOptions, diagnostics: Diagnostic[]): PipelineIR | undefined {
  const { path, host } = options;
  const root = parseYamlFile(path, host.readFile(path) ?? "", diagnostics);
  if (!root) return undefined;
  checkPipelineJobSchema(root);
  const folder = posix.dirname(path);
  const severity = options.missingFileSeverity === "error" ? "error" : "warning";
  const files: DataFiles = { ...options, folder, host, missingFileSeverity: severity };
  const reportUnread = (cursor: YamlCursor, read: ReadonlySet<string>, what: string) => {
    for (const { key, value } of cursor.entries(what))
      if (!read.has(key))
        value.file.report("AP112", "warning", `${what} key "${key}" is not carried by amlpipe`, value.at);
  };
  reportUnread(root, PIPELINE_KEYS, "pipeline job");
  const manifest = readManifestPositions(host.readFile(posix.join(folder, "manifest.json")));
  const name = pipelineJobName(root, path);
  const settings = readSettings(root);
  const inputs = readPipelineInputs(root, files);
  const jobs = root.get("jobs").entries("jobs");
  for (const { key, value } of root.get("outputs").entries("outputs"))
    value.file.report(
      "AP112",
      "warning",
      `pipeline output "${key}" is not carried: the job bound to it keeps it as its own output`,
      value.at,
    );
  const { context, references, environments } = jobContext(root, files, inputs, reportUnread);
  const steps = jobs.flatMap(({ key, value }): StepIR[] => {
    const step = readV2Node(key, value, name, context);
    return step ? [step] : [];
  });
  const beside: BesideFiles = {
    beside: (relative) => canonicalPath(posix.normalize(posix.join(folder, relative)), options),
    host,
    diagnostics,
    at: root.at,
  };
  const computes = readComputesBeside(beside, steps, settings.defaultCompute);
  const datastores = readDatastoresBeside(beside, {
    parameters: inputs.parameters,
    dataReferences: references,
    steps,
    computes,
  });
  const description = root.get("description").string("description");
  const ir: PipelineIR = {
    irVersion: IR_VERSION,
    name,
    ...(description !== undefined ? { description } : {}),
    source: manifest?.source ?? root.at,
    ...(settings.defaultCompute !== undefined ? { defaultCompute: settings.defaultCompute } : {}),
    parameters: inputs.parameters,
    datastores,
    dataReferences: references,
    computes,
    environments,
    steps: manifest ? steps.map((s) => ({ ...s, source: manifest.steps[s.key] ?? s.source })) : steps,
    schedules: [],
    readFrom: "v2",
  };
  diagnostics.push(
    ...checkPathSafety(ir, { absoluteSeverity: severity, ...options }),
    ...missingStepFiles(ir, (p) => host.exists(p), severity),
  );
  return ir;
}

/** `display_name`, else `name`, else `experiment_name`, else the folder the file is in (or its name at the root). */
function pipelineJobName(root: YamlCursor, path: string): string {
  const folder = posix.dirname(path);
  const fallback = folder === "." ? posix.basename(path).replace(/\.ya?ml$/, "") : posix.basename(folder);
  const experiment = root.get("experiment_name").string("experiment_name");
  const name =
    root.get("display_name").string("display_name") ??
    root.get("name").string("name") ??
    experiment ??
    fallback;
  if (experiment !== undefined && experiment !== name)
    root.file.report(
      "AP112",
      "warning",
      `experiment_name "${experiment}" is not carried: amlpipe files the job under its name "${name}" (submit --experiment sets another)`,
      root.get("experiment_name").at,
    );
  return name;
}

/** `settings:`: the default compute; the rest amlpipe writes itself, so other values are AP112. */
function readSettings(root: YamlCursor): { defaultCompute?: string } {
  const settings = root.get("settings");
  let defaultCompute: string | undefined;
  for (const { key, value } of settings.entries("settings")) {
    const text = String(value.literal(key) ?? "");
    if (key === "default_compute") defaultCompute = computeName(text);
    else if (
      !(key === "default_datastore" && text === "azureml:workspaceblobstore") &&
      !(key === "continue_on_step_failure" && text === "false")
    )
      value.file.report("AP112", "warning", `setting ${key}: ${text} is not carried by amlpipe`, value.at);
  }
  return defaultCompute !== undefined ? { defaultCompute } : {};
}
