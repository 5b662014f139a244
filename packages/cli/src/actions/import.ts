import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import {
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
import { importTypeScriptModule } from "../load/import-typescript.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { writeOutputFile } from "../write-output-file.js";

/** What `amlpipe import` did. */
export interface ImportOutcome {
  readonly written?: string;
  readonly report: FidelityEntry[];
  /** Whether compiling the written TypeScript gives the same pipeline.yaml as the original. */
  readonly roundTrip?: "identical" | "different";
  readonly differences?: string[];
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
  for (const d of loaded.diagnostics)
    if (d.code === "AP112")
      report.push({ construct: d.message, status: "unsupported", ...(d.at ? { at: d.at } : {}) });
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
  const { ir } = isScriptRun(pipeline)
    ? lowerScriptRun(pipeline, { root })
    : lowerPipeline(pipeline as Pipeline, { root });
  const options = { outputToRoot: ".", toolVersion: "import", schemaDirectory: "." };
  if (original.readFrom === "v2" && !isRun) return v2RoundTrip(ir, yamlPath, root, options);
  // A pipeline is compared by its pipeline.yaml, a training run by its RunConfiguration file.
  const main = isRun ? `${safeFileName(original.name)}.runconfig` : "pipeline.yaml";
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
 * The round trip of a v2 pipeline job: the imported TypeScript compiled to v2 and compared with the
 * original file itself (not with amlpipe's reading of it), setting by setting.
 */
function v2RoundTrip(
  ir: PipelineIR | undefined,
  yamlPath: string,
  root: string,
  options: { outputToRoot: string; toolVersion: string; schemaDirectory: string },
): Pick<ImportOutcome, "roundTrip" | "differences"> {
  const compiled = ir ? emitV2(ir, options).files.find((f) => f.path === "pipeline.yaml")?.text : undefined;
  if (compiled === undefined)
    return {
      roundTrip: "different",
      differences: ["the generated file does not compile to a v2 pipeline job"],
    };
  const differences = pipelineJobDifferences(
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
    }
  }
  setExit(code as 0 | 1 | 2);
}
