import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CompiledFile,
  type CompileTarget,
  compilePipeline,
  type Diagnostic,
  type DiagnosticFormat,
  diagnostic,
  hasErrors,
  plainNameProblem,
  resourceAttachedTwiceAcross,
} from "@amlpipe/compiler";
import { writeCompiledFiles } from "@amlpipe/runtime";
import { workspaceRelative } from "../ci/github-paths.js";
import { appendStepSummary, diagnosticsSummary } from "../ci/step-summary.js";
import { type CliIo, ExitCode, say, sayVerbose } from "../cli-io.js";
import { allowedOutside } from "../commands/allow-outside.js";
import { expandInputs } from "../load/expand-inputs.js";
import { loadLimits } from "../load/load-isolated.js";
import { loadPipelineInputs, type PipelineUnit } from "../load/load-pipeline-inputs.js";
import { typeCheckModules } from "../load/type-check.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { TOOL_VERSION } from "../version.js";

/** Diagnostics of a value's shape, which a type error in the same module already explains. */
const VALUE_SHAPE_CODES: ReadonlySet<string> = new Set(["AP101", "AP105", "AP113"]);

/** Options of {@link compileToDirectory}. */
export interface CompileCommandOptions {
  readonly out: string;
  /** @default "v1", or "v2" for a pipeline read from a v2 YAML file */
  readonly target?: CompileTarget;
  /** When false, nothing is written (this is `validate`). */
  readonly write: boolean;
  /** `--allow-outside` folders, as given on the command line. */
  readonly allowOutside?: readonly string[];
  /** How a file the pipeline names but that is missing is reported (run makes it an error). @default "warning" */
  readonly missingFileSeverity?: "warning" | "error";
  /** Type-check the TypeScript modules loaded (AP905): validate's default, compile's `--typecheck`. */
  readonly typecheck?: boolean;
}

/** One compiled pipeline: where it went and what it holds. */
export interface CompiledPipeline {
  readonly name: string;
  readonly origin: string;
  /** Output folder, relative to the working directory (POSIX). */
  readonly outDir: string;
  readonly files: readonly CompiledFile[];
  /** Whether this pipeline has no error of its own (it is written; the others are not). */
  readonly ok: boolean;
  /** A v1 pipeline (not v2, not a training run): what `az ml pipeline create -y` reads. */
  readonly v1Pipeline: boolean;
}

/** The outcome of compiling one input. */
export interface CompileOutcome {
  readonly pipelines: CompiledPipeline[];
  readonly diagnostics: Diagnostic[];
}

/** Whether a diagnostic is located in a pipeline's own file (its .ts, or its YAML folder). */
function inUnit(d: Diagnostic, origin: string, kind: "typescript" | "yaml"): boolean {
  if (!d.at) return false;
  const file = toPosix(d.at.file);
  if (file === origin) return true;
  const folder = origin.includes("/") ? origin.slice(0, origin.lastIndexOf("/") + 1) : "";
  return kind === "yaml" && folder !== "" && file.startsWith(folder);
}

/**
 * Loads the input (TS module, YAML or folder), compiles every pipeline in it, and writes each that
 * has no error of its own to `<out>/<pipeline-name>/`: one broken pipeline of a folder does not hold
 * back the clean ones, and is not written itself; the exit code says that something failed. An error
 * that belongs to no pipeline (a name clash, an unreadable input) holds back all.
 */
export async function compileToDirectory(
  input: string | readonly string[],
  options: CompileCommandOptions,
  io: CliIo,
): Promise<CompileOutcome> {
  const root = resolve(io.cwd);
  const allowOutside = allowedOutside(root, options.allowOutside);
  const loaded = await loadAllInputs(typeof input === "string" ? [input] : input, root, {
    root,
    missingFileSeverity: options.missingFileSeverity ?? "warning",
    limits: loadLimits(io.env),
    ...(allowOutside ? { allowOutside } : {}),
  });
  const typeErrors = options.typecheck
    ? unlikeLoadErrors(await typeCheckModules(typeScriptFiles(loaded), root), loaded.diagnostics)
    : [];
  // One resource under two names in two pipelines of this run (a folder, several files).
  const acrossPipelines = resourceAttachedTwiceAcross(loaded.units.map((u) => u.ir));
  const diagnostics = [...loaded.diagnostics, ...typeErrors, ...acrossPipelines];
  const typeErrorFiles = new Set(typeErrors.map((d) => d.at?.file));
  const pipelines: CompiledPipeline[] = [];
  for (const unit of loaded.units) {
    // Its name is no path (AP109, already reported): it has no folder to compile into.
    if (plainNameProblem(unit.ir.name) !== undefined) continue;
    const outDir = resolve(root, options.out, unit.ir.name);
    const target = options.target ?? (unit.ir.readFrom === "v2" ? "v2" : "v1");
    const result = compilePipeline(unit.ir, {
      target,
      outputToRoot: toPosix(relative(outDir, root)) || ".",
      toolVersion: TOOL_VERSION,
      schemaDirectory: SCHEMA_LINK,
      // validate writes nothing, so it serialises nothing: every document is still schema-checked.
      checkOnly: !options.write,
    });
    const mistyped = typeErrorFiles.has(toPosix(unit.origin));
    // A value of the wrong type that reached the compiler also breaks a schema (AP101, AP105) or a
    // run-time check (AP113); the type error at the user's line is the one cause to report.
    diagnostics.push(
      ...(mistyped ? result.diagnostics.filter((d) => !VALUE_SHAPE_CODES.has(d.code)) : result.diagnostics),
    );
    const clashes = acrossPipelines.some((d) => unit.ir.computes.some((c) => c.source === d.at));
    const ownLoadErrors =
      mistyped ||
      clashes ||
      loaded.diagnostics.some((d) => d.severity === "error" && inUnit(d, toPosix(unit.origin), unit.kind));
    pipelines.push({
      name: unit.ir.name,
      origin: unit.origin,
      outDir: toPosix(relative(root, outDir)),
      files: result.files,
      ok: !hasErrors(result.diagnostics) && !ownLoadErrors,
      v1Pipeline: target === "v1" && unit.ir.trainingRun === undefined,
    });
  }
  // An error located nowhere belongs to no pipeline: it holds back all (a module that failed to
  // load names its own file, and holds back only itself).
  const origins = new Set(loaded.units.map((u) => toPosix(u.origin)));
  const strayErrors =
    loaded.diagnostics.some((d) => d.severity === "error" && !d.at) ||
    // A type error in a module the pipelines import (not a pipeline file) may be any one's.
    typeErrors.some((d) => !origins.has(d.at?.file ?? ""));
  const names = pipelines.map((p) => p.name);
  const clash = names.find((name, index) => names.indexOf(name) !== index);
  if (clash !== undefined) {
    diagnostics.push(
      diagnostic("AP203", `two pipelines are named "${clash}" and would be written to the same folder`, {
        hint: "give each exported pipeline its own name",
      }),
    );
  }
  const blocked = strayErrors || clash !== undefined;
  const settled = pipelines.map((p) => ({ ...p, ok: p.ok && !blocked }));
  if (options.write && settled.some((p) => p.ok)) {
    for (const pipeline of settled)
      if (pipeline.ok) writeCompiledFiles(resolve(root, options.out), pipeline.name, pipeline.files);
    writeSchemaCopies(resolve(root, options.out));
  }
  return { pipelines: settled, diagnostics };
}

/**
 * Type errors less those of a module that failed to load (AP900) at a line with a type error: that
 * error is why it failed (an import of a package that is not installed, say), and what follows from
 * it (every value of that package untyped) is not news. One cause, reported once, by the loader.
 */
function unlikeLoadErrors(typeErrors: Diagnostic[], loadErrors: readonly Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic) => `${d.at?.file}:${d.at?.line}`;
  const typed = new Set(typeErrors.map(at));
  const explained = new Set(
    loadErrors.filter((d) => d.code === "AP900" && d.at && typed.has(at(d))).map((d) => d.at?.file),
  );
  return typeErrors.filter((d) => !explained.has(d.at?.file));
}

/** The TypeScript modules of a load: every pipeline module, and those that failed to load (AP900). */
function typeScriptFiles(loaded: {
  units: readonly PipelineUnit[];
  diagnostics: readonly Diagnostic[];
}): string[] {
  const files = [
    ...loaded.units.filter((u) => u.kind === "typescript").map((u) => u.origin),
    ...loaded.diagnostics.filter((d) => d.code === "AP900" && d.at).map((d) => d.at?.file as string),
  ];
  return [...new Set(files.filter((f) => /\.(m|c)?[tj]s$/.test(f)))];
}

/**
 * Loads every input (globs expanded): one load per input, their pipelines and diagnostics together,
 * so the name clash check and the verdicts below see all of them, as for one folder.
 */
async function loadAllInputs(
  patterns: readonly string[],
  cwd: string,
  options: Parameters<typeof loadPipelineInputs>[1],
): Promise<Awaited<ReturnType<typeof loadPipelineInputs>>> {
  const { inputs, diagnostics } = expandInputs(patterns, cwd);
  if (inputs.length === 1 && diagnostics.length === 0)
    return loadPipelineInputs(inputs[0] as string, options);
  const loaded = await Promise.all(inputs.map((input) => loadPipelineInputs(input, options)));
  return {
    units: loaded.flatMap((l) => l.units),
    diagnostics: [...diagnostics, ...loaded.flatMap((l) => l.diagnostics)],
  };
}

/**
 * Where compiled files' modelines point, from a pipeline's folder: `<out>/.schemas/`, a copy of the
 * shipped schemas written beside the pipelines. A link into the installed package would depend on
 * where it is installed (so the bytes and manifest hashes of one compile would differ between
 * machines); no pipeline can be named `.schemas` (names do not start with a dot, AP109).
 */
export const SCHEMA_LINK = "../.schemas";

/**
 * Writes the shipped schemas to `<out>/.schemas/`, all at once, as a pipeline folder is written;
 * nothing when the folder holds them already (`amlpipe run` of a .ts compiles on every run).
 */
export function writeSchemaCopies(outRoot: string): void {
  const folder = join(outRoot, SCHEMA_LINK.slice(3));
  const files = readdirSync(SHIPPED_SCHEMAS)
    .filter((name) => name.endsWith(".schema.json"))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(SHIPPED_SCHEMAS, name), "utf8") }));
  const current = (name: string) => {
    try {
      return readFileSync(join(folder, name), "utf8");
    } catch {
      return undefined;
    }
  };
  const upToDate =
    existsSync(folder) &&
    readdirSync(folder).length === files.length &&
    files.every((f) => current(f.path) === f.text);
  if (!upToDate) writeCompiledFiles(outRoot, SCHEMA_LINK.slice(3), files);
}

/**
 * The compiler package's shipped schemas, wherever it is installed (what `.schemas/` copies): found
 * from its package.json, which stays at the package's root wherever its entry file is built.
 */
export const SHIPPED_SCHEMAS = fileURLToPath(
  new URL("./schemas/", import.meta.resolve("@amlpipe/compiler/package.json")),
);

/** A path with `/` separators (modelines and reports are POSIX on every system). */
export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Reports a compile outcome in the chosen format and returns the exit code. */
export function reportCompileOutcome(
  io: CliIo,
  outcome: CompileOutcome,
  format: DiagnosticFormat,
  wrote: boolean,
): number {
  const failed = hasErrors(outcome.diagnostics);
  appendStepSummary(
    io,
    diagnosticsSummary(
      wrote ? "compile" : "validate",
      outcome.pipelines,
      workspaceRelative(outcome.diagnostics, io.cwd, io.env.GITHUB_WORKSPACE),
    ),
  );
  if (format === "json") {
    const result = {
      ok: !failed,
      pipelines: outcome.pipelines.map((p) => ({
        name: p.name,
        origin: p.origin,
        ok: p.ok,
        outDir: wrote && p.ok ? p.outDir : null,
        files: p.files.map((f) => f.path),
      })),
      diagnostics: outcome.diagnostics,
    };
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    printDiagnostics(io, outcome.diagnostics, format);
    if (format === "human") {
      for (const p of outcome.pipelines) {
        const what = !p.ok
          ? wrote
            ? "not written (errors above)"
            : "errors found"
          : wrote
            ? `-> ${p.outDir}/ (${p.files.length} files)`
            : "ok";
        say(io, `${p.name} (${p.origin}): ${what}\n`);
        if (wrote && p.ok) for (const f of p.files) sayVerbose(io, `  ${p.outDir}/${f.path}\n`);
      }
      // The SDK v1 resolves runconfig, ParallelRunConfig and source paths against the working
      // directory, so the v1 CLI must run from the compiled folder.
      const v1 = outcome.pipelines.find((p) => p.ok && p.v1Pipeline);
      if (wrote && v1)
        say(
          io,
          `to create it with the v1 CLI, run from its folder: cd ${v1.outDir} && az ml pipeline create -n ${v1.name} -y pipeline.yaml\n`,
        );
    }
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}
