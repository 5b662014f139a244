import { posix } from "node:path";
import { NO_ENVIRONMENT_NAME } from "../compiled-directory/default-environment.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { canonicalPath } from "../names/project-paths.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import { readManifestPositions } from "./read-manifest.js";
import type { ReadOptions } from "./read-pipeline.js";
import { readRunconfigSpec } from "./read-runconfig.js";
import { trainingRunIR } from "./training-run-ir.js";

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
        "the run is read without it; amlpipe writes only script, arguments, target, framework and environment",
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
  const spec = readRunconfigSpec(root);
  const name = posix.basename(path).replace(/\.runconfig$|\.ya?ml$/, "");
  const sourceDirectory = manifest?.trainingRun
    ? canonicalPath(posix.normalize(posix.join(folder, manifest.trainingRun.sourceDirectory)), options)
    : CONFIG_FOLDERS.has(posix.basename(folder))
      ? posix.dirname(folder)
      : folder;
  const ir = trainingRunIR(
    {
      name,
      script,
      arguments: root
        .get("arguments")
        .items("arguments")
        .flatMap((a) => a.literal("each argument") ?? []),
      // The RunConfiguration's own default target.
      compute: root.get("target").string("target") ?? "local",
      sourceDirectory,
      // amlpipe's stand-in for "no environment" (compiled-directory/default-environment.ts) is none.
      ...(spec.environment.name !== NO_ENVIRONMENT_NAME ? { environment: spec.environment } : {}),
      ...(spec.framework === "pyspark" ? { framework: "pyspark" as const } : {}),
      experiment: manifest?.trainingRun?.experiment ?? name,
      at: root.at,
      scriptAt: root.get("script").at,
    },
    { ...options, folder, manifest, diagnostics },
  );
  return { ir, diagnostics };
}
