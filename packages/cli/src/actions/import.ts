import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import {
  checkPipeline,
  type Diagnostic,
  emitV1,
  emitV2,
  hasErrors,
  lowerPipeline,
  lowerScriptRun,
  type PipelineIR,
  safeFileName,
} from "@amlpipe/compiler";
import { isPipeline, isScriptRun, type Pipeline } from "@amlpipe/dsl";
import { loadCompiledPipeline, toRootRelative } from "@amlpipe/runtime";
import { parse } from "yaml";
import { type CliIo, ExitCode, type ExitCodeValue, say } from "../cli-io.js";
import type { FidelityEntry } from "../import/fidelity.js";
import { formatFidelity } from "../import/fidelity.js";
import { pipelineJobDifferences } from "../import/pipeline-job-differences.js";
import { v1PipelineDifferences } from "../import/v1-pipeline-differences.js";
import { importTypeScriptModule } from "../load/import-typescript.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { writeOutputFile } from "../write-output-file.js";

/** What `amlpipe import` did. */
export interface ImportOutcome {
  readonly written?: string;
  readonly report: FidelityEntry[];
  /**
   * Whether compiling the written TypeScript gives a file that means the same as the original, as
   * the SDK v1 loader (or azure-ai-ml, for v2) reads each.
   */
  readonly roundTrip?: "identical" | "different";
  readonly differences?: string[];
  /** The errors `amlpipe compile` reports on the written TypeScript (what to fix before it compiles). */
  readonly compileErrors?: string[];
}

/**
 * Imports a pipeline YAML as TypeScript: reads it (with the reader `validate` uses), writes DSL code
 * (ts-morph), then proves it by compiling the new file and comparing the pipeline YAML both give.
 */
export async function importPipeline(
  input: string,
  out: string,
  io: CliIo,
  force: boolean,
): Promise<{ code: number; outcome?: ImportOutcome }> {
  const root = resolve(io.cwd);
  const target = resolve(root, out);
  if (existsSync(target) && !force) {
    io.stderr(`error: ${out} exists; pass --force to overwrite it\n`);
    return { code: ExitCode.usage };
  }
  const loaded = loadCompiledPipeline(input, { root, missingFileSeverity: "warning" });
  printDiagnostics(
    io,
    loaded.diagnostics.filter((d) => d.severity === "error"),
    "human",
  );
  if (!loaded.ir || hasErrors(loaded.diagnostics)) return { code: ExitCode.failed };
  const { generatePipelineSource } = await import("../import/generate-pipeline-source.js");
  const { yamlComments } = await import("../import/yaml-comments.js");
  const comments = yamlComments(readFileSync(loaded.yamlPath, "utf8"));
  const { text, report } = generatePipelineSource(loaded.ir, {
    tsFileDir: toRootRelative(root, dirname(target)),
    header: [
      ` Imported from ${toRootRelative(root, loaded.yamlPath)} by \`amlpipe import\`.`,
      ...comments.header,
    ],
    stepComments: comments.steps,
  });
  // What the reader could not carry (a v2 file's AP112 settings) is part of the report, at its line.
  for (const d of loaded.diagnostics) {
    if (d.code === "AP112")
      report.push({ construct: d.message, status: "unsupported", ...(d.at ? { at: d.at } : {}) });
    // A runconfig setting the IR cannot hold (a distributed framework, snake_case environment keys).
    if (d.code === "AP102" && /^(runconfig setting|environment key)/.test(d.message))
      report.push({ construct: d.message, status: "unsupported", ...(d.at ? { at: d.at } : {}) });
    // A value the loader reads otherwise than written (a quoted bool default): carried over with
    // the loader's meaning, which the user should confirm.
    if (d.code === "AP101" && d.severity === "warning")
      report.push({
        construct: d.message,
        status: "review",
        why: "carried over as the SDK v1 loader reads it",
        ...(d.at ? { at: d.at } : {}),
      });
    // A side file the reader could not read (missing, or a path from another machine): what it
    // holds is not in the TypeScript. (Step folders have their own entry.)
    if ((d.code === "AP104" || d.code === "AP110") && d.message.startsWith("referenced file"))
      report.push({
        construct: d.message,
        status: "review",
        why: "what it holds (a runconfig's environment, Docker and conda settings; a ParallelRunConfig's settings) is not carried over",
        ...(d.at ? { at: d.at } : {}),
      });
  }
  writeOutputFile(target, text);
  const proof = await roundTrip(loaded.ir, target, root, loaded.yamlPath);
  return { code: ExitCode.ok, outcome: { written: relative(root, target), report, ...proof } };
}

async function roundTrip(
  original: PipelineIR,
  tsFile: string,
  root: string,
  yamlPath: string,
): Promise<Pick<ImportOutcome, "roundTrip" | "differences">> {
  let pipeline: unknown;
  try {
    pipeline = (await importTypeScriptModule(tsFile)).default;
  } catch (error) {
    return {
      roundTrip: "different",
      differences: [
        `the generated file could not be loaded here: ${(error as Error).message.split("\n")[0]}`,
      ],
    };
  }
  const isRun = original.trainingRun !== undefined;
  if (isRun ? !isScriptRun(pipeline) : !isPipeline(pipeline))
    return {
      roundTrip: "different",
      differences: [`the generated file exports no ${isRun ? "training run" : "pipeline"}`],
    };
  const lowered = isScriptRun(pipeline)
    ? lowerScriptRun(pipeline, { root })
    : lowerPipeline(pipeline as Pipeline, { root });
  const { ir } = lowered;
  const target = original.readFrom === "v2" ? "v2" : "v1";
  const compileErrors = errorsOf([...lowered.diagnostics, ...(ir ? checkPipeline(ir, { target }) : [])]);
  const options = { outputToRoot: ".", toolVersion: "import", schemaDirectory: "." };
  const proof = isRun
    ? runconfigRoundTrip(original, ir, options)
    : pipelineRoundTrip(target, ir, yamlPath, root, options);
  return { ...proof, ...(compileErrors.length > 0 ? { compileErrors } : {}) };
}

/** Each error as `file:line: CODE message`, as compile prints its first line. */
function errorsOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.at ? `${d.at.file}:${d.at.line}: ` : ""}${d.code} ${d.message}`);
}

/** A training run's round trip: its RunConfiguration file before and after, line by line. */
function runconfigRoundTrip(
  original: PipelineIR,
  ir: PipelineIR | undefined,
  options: { outputToRoot: string; toolVersion: string; schemaDirectory: string },
): Pick<ImportOutcome, "roundTrip" | "differences"> {
  const main = `${safeFileName(original.name)}.runconfig`;
  const yamlOf = (p: PipelineIR) => emitV1(p, options).files.find((f) => f.path === main)?.text ?? "";
  const before = yamlOf(original).split("\n");
  const after = ir ? yamlOf(ir).split("\n") : [];
  const differences = before
    .flatMap((line, i) =>
      line === after[i] ? [] : [`line ${i + 1}: ${line.trim()} -> ${(after[i] ?? "").trim()}`],
    )
    .slice(0, 10);
  if (after.length !== before.length && differences.length === 0)
    differences.push(`${before.length} lines -> ${after.length} lines`);
  return {
    roundTrip: differences.length === 0 ? "identical" : "different",
    ...(differences.length ? { differences } : {}),
  };
}

/**
 * The round trip of a pipeline: the imported TypeScript compiled to the original's target and
 * compared with the original file itself (not with amlpipe's reading of it), setting by setting, as
 * the SDK v1 loader (v1) or azure-ai-ml (v2) reads each.
 */
function pipelineRoundTrip(
  target: "v1" | "v2",
  ir: PipelineIR | undefined,
  yamlPath: string,
  root: string,
  options: { outputToRoot: string; toolVersion: string; schemaDirectory: string },
): Pick<ImportOutcome, "roundTrip" | "differences"> {
  const emit = target === "v1" ? emitV1 : emitV2;
  const compiled = ir ? emit(ir, options).files.find((f) => f.path === "pipeline.yaml")?.text : undefined;
  if (compiled === undefined)
    return {
      roundTrip: "different",
      differences: [`the generated file does not compile to a ${target} pipeline`],
    };
  const compare = target === "v1" ? v1PipelineDifferences : pipelineJobDifferences;
  const differences = compare(
    {
      document: parse(readFileSync(yamlPath, "utf8")),
      folder: toRootRelative(root, dirname(yamlPath)) || ".",
    },
    { document: parse(compiled), folder: "." },
  );
  return {
    roundTrip: differences.length === 0 ? "identical" : "different",
    ...(differences.length ? { differences } : {}),
  };
}

/** The action of `amlpipe import`: writes the TypeScript and prints the fidelity report. */
export async function importAction(
  io: CliIo,
  setExit: (code: ExitCodeValue) => void,
  input: string,
  options: { out: string; force?: boolean; json?: boolean },
): Promise<void> {
  const { code, outcome } = await importPipeline(input, options.out, io, options.force === true);
  if (outcome) {
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    else {
      say(io, `wrote ${outcome.written}\nfidelity:\n${formatFidelity(outcome.report)}`);
      say(
        io,
        `round trip: ${outcome.roundTrip}\n${(outcome.differences ?? []).map((d) => `  ${d}\n`).join("")}`,
      );
      if (outcome.compileErrors)
        say(
          io,
          `compile of ${outcome.written}: ${outcome.compileErrors.length} error(s) to fix\n${outcome.compileErrors.map((e) => `  ${e}\n`).join("")}`,
        );
    }
  }
  setExit(code as 0 | 1 | 2);
}
