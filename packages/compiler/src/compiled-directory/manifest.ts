import { createHash } from "node:crypto";
import type { CompiledFile, CompileTarget } from "../compiled-file.js";
import type { PipelineIR } from "../ir/pipeline.js";

/** What `manifest.json` holds. */
export interface Manifest {
  readonly tool: { readonly name: "amlpipe"; readonly version: string };
  readonly target: CompileTarget;
  readonly irVersion: number;
  readonly pipeline: string;
  /** sha256 of every other file of the compiled directory, by path. */
  readonly files: Readonly<Record<string, string>>;
  /** Schedule names (each in `schedules/<name>.yaml`). */
  readonly schedules: readonly string[];
  /** Where each step was written: the user's `.ts` (or YAML) line. */
  readonly steps: Readonly<
    Record<string, { readonly file: string; readonly line: number; readonly col: number }>
  >;
  /** Where the pipeline itself was written. */
  readonly source: { readonly file: string; readonly line: number; readonly col: number };
  /** Set for a training run: what its RunConfiguration file has no room for. */
  readonly trainingRun?: TrainingRunManifest;
}

/** The manifest's record of a training run. */
export interface TrainingRunManifest {
  readonly experiment: string;
  /** The run's RunConfiguration file, inside the compiled directory. */
  readonly runconfig: string;
  /** The run's source directory, relative to the compiled directory (like `source_directory:`). */
  readonly sourceDirectory: string;
}

/** The manifest of a compiled directory, as a file with sorted keys (deterministic). */
export function manifestFile(
  ir: PipelineIR,
  files: readonly CompiledFile[],
  target: CompileTarget,
  toolVersion: string,
  trainingRun?: TrainingRunManifest,
): CompiledFile {
  const hashes = Object.fromEntries(
    [...files]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((file) => [file.path, createHash("sha256").update(file.text).digest("hex")]),
  );
  const manifest: Manifest = {
    tool: { name: "amlpipe", version: toolVersion },
    target,
    irVersion: ir.irVersion,
    pipeline: ir.name,
    files: hashes,
    schedules: ir.schedules.map((s) => s.name),
    // By key (code-point order), so reordering steps in the source changes only their positions.
    steps: Object.fromEntries(
      [...ir.steps]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((s) => [s.key, { file: s.source.file, line: s.source.line, col: s.source.col }]),
    ),
    source: { file: ir.source.file, line: ir.source.line, col: ir.source.col },
    ...(trainingRun ? { trainingRun } : {}),
  };
  return { path: "manifest.json", text: `${JSON.stringify(manifest, null, 2)}\n` };
}
