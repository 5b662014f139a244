import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { readCommandJob } from "./read-command-job.js";
import type { ReadHost } from "./read-host.js";
import { type ReadOptions, readPipeline } from "./read-pipeline.js";
import { readTrainingRun } from "./read-training-run.js";
import { readPipelineJob } from "./v2/read-pipeline-job.js";

/** A v2 command job: `type: command` at the top level (a pipeline's nodes are indented). */
const COMMAND_JOB = /^type:\s*["']?command["']?\s*(?:#.*)?$/m;
/** A v2 pipeline job: `type: pipeline` at the top level. */
const PIPELINE_JOB = /^type:\s*["']?pipeline["']?\s*(?:#.*)?$/m;
/** A training run's RunConfiguration file as amlpipe names it in a compiled directory. */
const RUNCONFIG_NAME = /^[\w.-]+\.runconfig$/;

/**
 * Reads whatever YAML input the path names, by what it is: a training run's RunConfiguration
 * (`*.runconfig`), a v2 pipeline job (`type: pipeline`), a v2 command job (`type: command`), else a
 * v1 pipeline. The file is read once.
 */
export function readYamlInput(options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  if (options.path.endsWith(".runconfig")) return readTrainingRun(options);
  const text = options.host.readFile(options.path);
  if (text === undefined) return readPipeline(options);
  const host: ReadHost = {
    readFile: (path) => (path === options.path ? text : options.host.readFile(path)),
    exists: (path) => options.host.exists(path),
  };
  if (PIPELINE_JOB.test(text)) return readPipelineJob({ ...options, host });
  return COMMAND_JOB.test(text) ? readCommandJob({ ...options, host }) : readPipeline({ ...options, host });
}

/**
 * The file a compiled directory is read from, by name inside it: `pipeline.yaml`; for a training
 * run, `job.yaml` (v2) or the RunConfiguration its manifest names. `pipeline.yaml` when none is
 * there, so that the reader reports what is missing.
 */
export function compiledEntryFile(inDirectory: {
  exists(name: string): boolean;
  readFile(name: string): string | undefined;
}): string {
  if (inDirectory.exists("pipeline.yaml")) return "pipeline.yaml";
  if (inDirectory.exists("job.yaml")) return "job.yaml";
  let manifest: { trainingRun?: { runconfig?: unknown } } | undefined;
  try {
    manifest = JSON.parse(inDirectory.readFile("manifest.json") ?? "null");
  } catch {
    manifest = undefined;
  }
  const runconfig = manifest?.trainingRun?.runconfig;
  return typeof runconfig === "string" && RUNCONFIG_NAME.test(runconfig) ? runconfig : "pipeline.yaml";
}
