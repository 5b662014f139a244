import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import {
  type Diagnostic,
  diagnostic,
  missingStepFiles,
  type PipelineIR,
  type ProjectPathOptions,
  RULES,
  readSchedule,
  type Severity,
} from "@amlpipe/compiler";
import { createFsReadHost, loadCompiledPipeline, toRootRelative } from "@amlpipe/runtime";
import { type LoadLimits, loadLimits, loadModuleIsolated } from "./load-isolated.js";

/** One pipeline found in the user's input, lowered or read to the IR. */
export interface PipelineUnit {
  readonly ir: PipelineIR;
  /** The file it came from, relative to the root (POSIX). */
  readonly origin: string;
  /** The export it came from, for a TypeScript module. */
  readonly exportName?: string;
  readonly kind: "typescript" | "yaml";
}

/** Everything {@link loadPipelineInputs} found, with every problem as a diagnostic. */
export interface LoadResult {
  readonly units: PipelineUnit[];
  readonly diagnostics: Diagnostic[];
}

/** Options of {@link loadPipelineInputs}. */
export interface LoadInputsOptions extends ProjectPathOptions {
  /** Absolute compile root: source positions are relative to it. */
  readonly root: string;
  /** Severity of missing referenced files in YAML input (AP104). */
  readonly missingFileSeverity: Severity;
  /** Time and memory limits of loading a TypeScript module. @default {@link loadLimits} */
  readonly limits?: LoadLimits;
}

const TS_EXTENSIONS = new Set([".ts", ".mts", ".js", ".mjs"]);
/** YAML inputs: pipelines, v2 jobs, and training runs' RunConfiguration files (YAML too). */
const YAML_EXTENSIONS = new Set([".yaml", ".yml", ".runconfig"]);
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "out", ".amlpipe", ".git"]);

/**
 * Loads what the user pointed at: a `.ts` module (every exported pipeline), a pipeline YAML, a
 * compiled directory (holding `pipeline.yaml`), or a folder of `pipeline.ts` / `*.pipeline.ts` files (and `*.run.ts` training runs).
 */
export async function loadPipelineInputs(input: string, given: LoadInputsOptions): Promise<LoadResult> {
  const absolute = resolve(given.root, input);
  if (!existsSync(absolute)) {
    return { units: [], diagnostics: [notFound(input, "no such file or folder")] };
  }
  const isDirectory = statSync(absolute).isDirectory();
  // The file or folder the user named is theirs to read even outside the root; what it points at
  // is still checked against the root (AP110).
  const own = toRootRelative(given.root, isDirectory ? absolute : dirname(absolute));
  const options: LoadInputsOptions = own.startsWith("..")
    ? { ...given, allowOutside: [...(given.allowOutside ?? []), own] }
    : given;
  if (isDirectory) {
    if (existsSync(join(absolute, "pipeline.yaml"))) return loadCompiled(absolute, options);
    const files = findPipelineFiles(absolute);
    // A compiled training run: its .runconfig (or v2 job.yaml), which the manifest names.
    if (files.length === 0 && existsSync(join(absolute, "manifest.json")))
      return loadCompiled(absolute, options);
    if (files.length === 0) {
      return {
        units: [],
        diagnostics: [
          {
            ...notFound(input, "holds no pipeline.yaml and no pipeline.ts, *.pipeline.ts or *.run.ts file"),
            code: "AP901",
          },
        ],
      };
    }
    const results = await Promise.all(files.map((file) => loadTypeScript(file, options)));
    return {
      units: results.flatMap((r) => r.units),
      diagnostics: results.flatMap((r) => r.diagnostics),
    };
  }
  const extension = extname(absolute);
  if (YAML_EXTENSIONS.has(extension)) return loadYaml(absolute, options);
  if (TS_EXTENSIONS.has(extension)) return loadTypeScript(absolute, options);
  return {
    units: [],
    diagnostics: [notFound(input, `is neither TypeScript (.ts) nor YAML (.yaml); got "${extension}"`)],
  };
}

function loadYaml(absolute: string, options: LoadInputsOptions): LoadResult {
  const text = readFileSync(absolute, "utf8");
  if (/^Schedule\s*:/m.test(text) && !/^pipeline\s*:/m.test(text)) return loadSchedule(absolute, options);
  return loadCompiled(absolute, options);
}

/** A compiled directory, or a pipeline, training run or job file, read into the IR. */
function loadCompiled(absolute: string, options: LoadInputsOptions): LoadResult {
  const loaded = loadCompiledPipeline(absolute, {
    root: options.root,
    missingFileSeverity: options.missingFileSeverity,
    ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
  });
  return {
    units: loaded.ir
      ? [{ ir: loaded.ir, origin: toRootRelative(options.root, loaded.yamlPath), kind: "yaml" }]
      : [],
    diagnostics: loaded.diagnostics,
  };
}

/** A standalone `Schedule:` document: read, then checked by the schedule rule (nothing to compile). */
function loadSchedule(absolute: string, options: LoadInputsOptions): LoadResult {
  const path = toRootRelative(options.root, absolute);
  const { schedule, diagnostics } = readSchedule({ path, host: createFsReadHost(options.root, options) });
  if (schedule) {
    const ir: PipelineIR = { ...emptyPipeline(path), schedules: [schedule] };
    diagnostics.push(...(RULES.find((rule) => rule.code === "AP406")?.check(ir) ?? []));
  }
  return { units: [], diagnostics };
}

function emptyPipeline(path: string): PipelineIR {
  const source = { file: path, line: 1, col: 1 };
  return {
    irVersion: 1,
    name: path,
    source,
    parameters: [],
    datastores: [],
    dataReferences: [],
    computes: [],
    environments: [],
    steps: [],
    schedules: [],
  };
}

async function loadTypeScript(absolute: string, options: LoadInputsOptions): Promise<LoadResult> {
  const origin = toRootRelative(options.root, absolute);
  const request = {
    absolute,
    origin,
    root: options.root,
    ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
  };
  const loaded = await loadModuleIsolated(request, options.limits ?? loadLimits(process.env));
  // Files the steps name are checked here, at the .ts line, as the YAML reader checks them there.
  const exists = (path: string) => existsSync(resolve(options.root, path));
  return {
    units: loaded.units.map((u) => ({ ...u, origin, kind: "typescript" as const })),
    diagnostics: [
      ...loaded.diagnostics,
      ...loaded.units.flatMap((u) => missingStepFiles(u.ir, exists, options.missingFileSeverity)),
    ],
  };
}

/** `pipeline.ts`, `*.pipeline.ts` and `*.run.ts` files below `dir`, sorted, skipping build and state folders. */
function findPipelineFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) {
        found.push(...findPipelineFiles(join(dir, entry.name)));
      }
    } else if (
      entry.name === "pipeline.ts" ||
      entry.name.endsWith(".pipeline.ts") ||
      entry.name.endsWith(".run.ts")
    ) {
      found.push(join(dir, entry.name));
    }
  }
  return found.sort();
}

function notFound(input: string, why: string): Diagnostic {
  return diagnostic("AP902", `"${input}" ${why}`, {
    hint: "pass a pipeline .ts file, a pipeline YAML, a compiled directory, or a folder of *.pipeline.ts (or *.run.ts) files",
  });
}
