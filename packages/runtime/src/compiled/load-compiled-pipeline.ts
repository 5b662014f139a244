import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import {
  type Diagnostic,
  type PipelineIR,
  type ProjectPathOptions,
  readCommandJob,
  readPipeline,
  readTrainingRun,
  type Severity,
} from "@amlpipe/compiler";
import { createFsReadHost } from "./fs-read-host.js";

/** A pipeline read from a compiled directory (or a lone pipeline YAML). */
export interface LoadedPipeline {
  readonly ir: PipelineIR | undefined;
  readonly diagnostics: Diagnostic[];
  /** Absolute path of the pipeline YAML that was read. */
  readonly yamlPath: string;
  /** Absolute path of the folder holding it (the compiled directory). */
  readonly dir: string;
  /** Absolute compile root that IR paths are relative to. */
  readonly root: string;
}

/** Options of {@link loadCompiledPipeline}. */
export interface LoadCompiledOptions extends ProjectPathOptions {
  /** Root that IR paths are made relative to. @default process.cwd() */
  readonly root?: string;
  /** Severity for referenced files that are missing (AP104). @default "error" */
  readonly missingFileSeverity?: Severity;
}

/** Turns an absolute path into the POSIX path relative to `root` that the compiler's host expects. */
export function toRootRelative(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/**
 * Reads a compiled directory (`<dir>/pipeline.yaml` and the files beside it) or a pipeline YAML file
 * into the IR, through the compiler's reader. Missing referenced files are errors by default: this is
 * what `run` and `submit` use.
 */
export function loadCompiledPipeline(target: string, options: LoadCompiledOptions = {}): LoadedPipeline {
  const root = resolve(options.root ?? process.cwd());
  const absolute = resolve(root, target);
  const isDir = existsSync(absolute) && statSync(absolute).isDirectory();
  const yamlPath = isDir ? mainFileOf(absolute) : absolute;
  const dir = isDir ? absolute : resolve(absolute, "..");
  // The folder the user named is theirs to read even when it lies outside the root (a compiled
  // directory in /tmp, say); what the files in it point at is still checked against the root.
  const own = toRootRelative(root, dir);
  const allowOutside = [...(options.allowOutside ?? []), ...(own.startsWith("..") ? [own] : [])];
  const read = yamlPath.endsWith(".runconfig")
    ? readTrainingRun
    : isCommandJob(yamlPath)
      ? readCommandJob
      : readPipeline;
  const { ir, diagnostics } = read({
    path: toRootRelative(root, yamlPath),
    host: createFsReadHost(root, { allowOutside }),
    missingFileSeverity: options.missingFileSeverity ?? "error",
    ...(allowOutside.length > 0 ? { allowOutside } : {}),
    ...(sep === "/" ? { absoluteRoot: root } : {}),
  });
  return { ir, diagnostics, yamlPath, dir, root };
}

/**
 * The file a compiled directory is read from: `pipeline.yaml`, or for a training run the
 * RunConfiguration its manifest names.
 */
function mainFileOf(dir: string): string {
  const pipeline = join(dir, "pipeline.yaml");
  if (existsSync(pipeline)) return pipeline;
  // A training run compiled for v2 is its command job.
  if (existsSync(join(dir, "job.yaml"))) return join(dir, "job.yaml");
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      trainingRun?: { runconfig?: unknown };
    };
    const runconfig = manifest.trainingRun?.runconfig;
    if (typeof runconfig === "string" && /^[\w.-]+\.runconfig$/.test(runconfig)) return join(dir, runconfig);
  } catch {
    // No readable manifest: the pipeline.yaml path, which the reader reports as missing.
  }
  return pipeline;
}

/** Whether a YAML file is a v2 command job (`type: command` at the top level), not a pipeline. */
function isCommandJob(path: string): boolean {
  try {
    return /^type:\s*["']?command["']?\s*(#.*)?$/m.test(readFileSync(path, "utf8"));
  } catch {
    return false;
  }
}
