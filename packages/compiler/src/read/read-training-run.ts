import { posix } from "node:path";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { EnvironmentIR } from "../ir/environment.js";
import { IR_VERSION, type PipelineIR } from "../ir/pipeline.js";
import type { PythonScriptStepIR } from "../ir/step.js";
import { checkPathSafety } from "../names/plain-name.js";
import { canonicalPath } from "../names/project-paths.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import { type BesideFiles, readComputesBeside, readDatastoresBeside } from "./read-beside.js";
import { readManifestPositions } from "./read-manifest.js";
import type { ReadOptions } from "./read-pipeline.js";
import { stepReadContext } from "./side-file-reader.js";

/** The RunConfiguration keys a training run's file may hold that amlpipe reads. */
const RUNCONFIG_KEYS = new Set(["script", "arguments", "target", "framework", "environment"]);

/** The folders the SDK v1 looks for `<name>.runconfig` in, below the project (source) folder. */
const CONFIG_FOLDERS = new Set([".azureml", "aml_config"]);

/**
 * Reads a training run's RunConfiguration file (`<name>.runconfig`: what `az ml run submit-script
 * -c <name>` submits) into the IR: a one-step pipeline marked as a training run. In amlpipe's compiled
 * directory, manifest.json beside it gives the experiment and source directory; elsewhere the
 * source directory is the project folder above `.azureml/` (or the file's own folder), and the
 * experiment is the file's name. Never throws; every problem is a diagnostic at its line.
 */
export function readTrainingRun(options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const { path, host } = options;
  const text = host.readFile(path);
  if (text === undefined) {
    diagnostics.push(diagnostic("AP902", `cannot read "${path}"`, { at: { file: path, line: 1, col: 1 } }));
    return { ir: undefined, diagnostics };
  }
  const root = parseYamlFile(path, text, diagnostics);
  if (!root) return { ir: undefined, diagnostics };
  for (const { key, value } of root.entries("the run configuration")) {
    if (!RUNCONFIG_KEYS.has(key))
      value.file.report(
        "AP102",
        "warning",
        `run configuration key "${key}" is not read by amlpipe`,
        value.at,
      );
  }
  const script = root.get("script").string("script");
  if (script === undefined) {
    root.typeError(
      `${path} names no script: a training run's RunConfiguration needs "script:"`,
      "add `script: train.py` (relative to the source directory)",
    );
    return { ir: undefined, diagnostics };
  }
  const folder = posix.dirname(path);
  const manifest = readManifestPositions(host.readFile(posix.join(folder, "manifest.json")));
  const environments: EnvironmentIR[] = [];
  const context = stepReadContext({
    yamlDir: folder,
    host,
    missingFileSeverity: options.missingFileSeverity ?? "warning",
    allow: options,
    diagnostics,
    environments,
  });
  const facts = context.readRunconfig(posix.basename(path), root.at);
  const name = posix.basename(path).replace(/\.runconfig$|\.ya?ml$/, "");
  const sourceDirectory = manifest?.trainingRun
    ? canonicalPath(posix.normalize(posix.join(folder, manifest.trainingRun.sourceDirectory)), options)
    : CONFIG_FOLDERS.has(posix.basename(folder))
      ? posix.dirname(folder)
      : folder;
  const target = root.get("target").string("target");
  const step: PythonScriptStepIR = {
    type: "PythonScriptStep",
    key: name,
    name,
    source: manifest?.steps[name] ?? root.get("script").at,
    ...(target !== undefined ? { compute: target } : {}),
    sourceDirectory,
    ...(facts?.environment !== undefined ? { environment: facts.environment } : {}),
    arguments: root
      .get("arguments")
      .items("arguments")
      .flatMap((a) => a.literal("each argument") ?? []),
    parameters: [],
    inputs: [],
    outputs: [],
    allowReuse: true,
    after: [],
    scriptName: script,
    ...(facts?.framework === "pyspark" ? { framework: "pyspark" as const } : {}),
  };
  const files: BesideFiles = {
    beside: (relative) => canonicalPath(posix.normalize(posix.join(folder, relative)), options),
    host,
    diagnostics,
    at: root.at,
  };
  // `local` needs no attach spec: it is the RunConfiguration's own default target.
  const computes = readComputesBeside(files, target === "local" ? [] : [step], undefined);
  const ir: PipelineIR = {
    irVersion: IR_VERSION,
    name,
    source: manifest?.source ?? root.at,
    parameters: [],
    datastores: readDatastoresBeside(files, { parameters: [], dataReferences: [], steps: [step], computes }),
    dataReferences: [],
    computes:
      target === "local" && !computes.some((c) => c.name === "local")
        ? [...computes, { kind: "local", name: "local", source: root.at }]
        : computes,
    environments,
    steps: [step],
    schedules: [],
    trainingRun: { experiment: manifest?.trainingRun?.experiment ?? name },
  };
  const severity = options.missingFileSeverity ?? "warning";
  diagnostics.push(...checkPathSafety(ir, { absoluteSeverity: severity, ...options }));
  return { ir, diagnostics };
}
