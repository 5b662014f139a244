import { existsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import {
  compiledEntryFile,
  type Diagnostic,
  type PipelineIR,
  type ProjectPathOptions,
  readYamlInput,
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
  const dir = isDir ? absolute : resolve(absolute, "..");
  // The folder the user named is theirs to read even when it lies outside the root (a compiled
  // directory in /tmp, say); what the files in it point at is still checked against the root.
  const own = toRootRelative(root, dir);
  const allowOutside = [...(options.allowOutside ?? []), ...(own.startsWith("..") ? [own] : [])];
  const host = createFsReadHost(root, { allowOutside });
  const inDir = (name: string) => toRootRelative(root, join(dir, name));
  const yamlPath = isDir
    ? join(
        dir,
        compiledEntryFile({
          exists: (name) => host.exists(inDir(name)),
          readFile: (name) => host.readFile(inDir(name)),
        }),
      )
    : absolute;
  const { ir, diagnostics } = readYamlInput({
    path: toRootRelative(root, yamlPath),
    host,
    missingFileSeverity: options.missingFileSeverity ?? "error",
    ...(allowOutside.length > 0 ? { allowOutside } : {}),
    ...(sep === "/" ? { absoluteRoot: root } : {}),
  });
  return { ir, diagnostics, yamlPath, dir, root };
}
