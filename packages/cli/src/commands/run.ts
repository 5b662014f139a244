import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { hasErrors, type PipelineIR } from "@amlpipe/compiler";
import { loadCompiledPipeline, type RunRecord, runLocal } from "@amlpipe/runtime";
import { type CliIo, ExitCode } from "../cli-io.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { stepProgress } from "../progress/step-progress.js";
import { allowedOutside, allowOutsideOption } from "./allow-outside.js";
import type { CommandModule } from "./command-module.js";
import { compileToDirectory } from "./compile.js";
import { parseAssignments } from "./parse-assignments.js";

interface RunOptions {
  stateDir?: string;
  jobs?: string;
  data: string[];
  stub: string[];
  param: string[];
  pipeline?: string;
  explain?: boolean;
  force?: boolean;
  json?: boolean;
  allowOutside?: string[];
}

/** Finds the compiled directory to run: the input itself, or (for .ts) a fresh compile of it. */
async function compiledDirFor(
  input: string,
  options: RunOptions,
  io: CliIo,
  stateDir: string,
): Promise<{ dir?: string; code?: number }> {
  const absolute = resolve(io.cwd, input);
  const isTs = [".ts", ".mts", ".js", ".mjs"].includes(extname(absolute));
  if (!isTs && existsSync(absolute)) return { dir: absolute };
  if (!isTs) {
    io.stderr(`error: "${input}" does not exist\n`);
    return { code: ExitCode.failed };
  }
  const out = relative(io.cwd, join(stateDir, "compiled"));
  const outcome = await compileToDirectory(
    input,
    {
      out,
      target: "v1",
      write: true,
      // A script or folder that is not there would stop the run: say so at the .ts line, now.
      missingFileSeverity: "error",
      ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
    },
    io,
  );
  printDiagnostics(io, outcome.diagnostics, "human");
  if (hasErrors(outcome.diagnostics)) return { code: ExitCode.failed };
  const chosen = options.pipeline
    ? outcome.pipelines.find((p) => p.name === options.pipeline)
    : outcome.pipelines[0];
  if (!chosen || (outcome.pipelines.length > 1 && !options.pipeline)) {
    io.stderr(
      `error: "${input}" holds ${outcome.pipelines.length} pipelines (${outcome.pipelines.map((p) => p.name).join(", ")}); choose one with --pipeline NAME\n`,
    );
    return { code: ExitCode.usage };
  }
  return { dir: resolve(io.cwd, chosen.outDir) };
}

function summary(record: RunRecord, explain: boolean, cwd: string): string {
  const lines = [`\nrun ${record.id}: ${record.status}`];
  for (const step of record.steps) {
    if (explain) lines.push(`  ${step.key}: ${step.status} (${step.reuse ?? step.error ?? "not reached"})`);
    for (const [name, path] of Object.entries(step.outputs ?? {}))
      lines.push(`  ${step.key}.${name} -> ${relative(cwd, path)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `amlpipe run <compiled-dir | pipeline.yaml | file.ts>`: the local backend. */
export const runCommand: CommandModule = {
  name: "run",
  register(program, io, setExit) {
    const collect = (value: string, previous: string[]) => [...previous, value];
    program
      .command("run")
      .description("run a compiled pipeline on this machine (datastores are folders under .amlpipe/)")
      .argument("<input>", "a compiled directory, a pipeline YAML, or a pipeline .ts file (compiled first)")
      .option("--state-dir <dir>", "where runs, results and datastores live", ".amlpipe")
      .option("-j, --jobs <n>", "steps run at the same time at most (default: cores)")
      .option(
        "--data <name=path>",
        "use a local file or folder for a data reference (repeatable)",
        collect,
        [],
      )
      .option(
        "--stub <step=folder>",
        "supply a step's outputs instead of running it (repeatable)",
        collect,
        [],
      )
      .option("--param <name=value>", "override a pipeline parameter (repeatable)", collect, [])
      .option("--pipeline <name>", "which pipeline, when the .ts file exports several")
      .option("--explain", "say for each step why it was or was not reused")
      .option("--force", "run every step, even those whose result could be reused")
      .option("--json", "print the run record as JSON on stdout")
      .addOption(allowOutsideOption())
      .addHelpText(
        "after",
        "\nExamples:\n  amlpipe run out/examples/demo --data raw_measurements=examples/demo/data/measurements.csv\n  amlpipe run examples/demo/pipeline.ts --explain\n  amlpipe run examples/training-runs/train.run.ts --pipeline train-local --force\n  amlpipe run out/p --stub usql_step=fixtures/usql-output\n\nSteps whose code, environment, parameters and inputs are unchanged are reused (--force runs\nthem anyway). A training run (scriptRun) keeps what its script writes to outputs/. A run killed\nhalf-way loses nothing that finished: run it again. Exit codes: 0 all steps succeeded, 1 a step\nfailed or the pipeline cannot run here, 2 usage.",
      )
      .action(async (input: string, options: RunOptions) => {
        const stateDir = resolve(io.cwd, options.stateDir ?? ".amlpipe");
        const assignments = parseAssignments({
          data: options.data,
          stub: options.stub,
          param: options.param,
        });
        if ("error" in assignments) {
          io.stderr(`error: ${assignments.error}\n`);
          setExit(ExitCode.usage);
          return;
        }
        const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
        if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
          io.stderr(`error: --jobs takes a whole number of at least 1, got "${options.jobs}"\n`);
          setExit(ExitCode.usage);
          return;
        }
        const target = await compiledDirFor(input, options, io, stateDir);
        if (!target.dir) {
          setExit((target.code ?? ExitCode.failed) as 1 | 2);
          return;
        }
        const allowOutside = allowedOutside(io.cwd, options.allowOutside);
        const loaded = loadCompiledPipeline(target.dir, {
          root: io.cwd,
          missingFileSeverity: "error",
          ...(allowOutside ? { allowOutside } : {}),
        });
        printDiagnostics(io, loaded.diagnostics, "human");
        if (!loaded.ir || hasErrors(loaded.diagnostics)) {
          setExit(ExitCode.failed);
          return;
        }
        const progress = stepProgress(io, !options.json);
        const result = await runLocal(loaded.ir as PipelineIR, {
          root: io.cwd,
          stateDir,
          compiledDir: relative(io.cwd, target.dir) || ".",
          data: assignments.data,
          stubs: assignments.stub,
          params: assignments.param,
          ...(allowOutside ? { allowOutside } : {}),
          ...(jobs !== undefined ? { jobs } : {}),
          onEvent: progress.onEvent,
          ...(options.force ? { force: true } : {}),
          ...(io.signal ? { signal: io.signal } : {}),
        });
        progress.done();
        printDiagnostics(io, result.diagnostics, "human");
        if (!result.record) {
          if (options.json)
            io.stdout(`${JSON.stringify({ ok: false, diagnostics: result.diagnostics }, null, 2)}\n`);
          setExit(ExitCode.failed);
          return;
        }
        if (options.json) io.stdout(`${JSON.stringify(result.record, null, 2)}\n`);
        else io.stderr(summary(result.record, options.explain === true, io.cwd));
        setExit(result.record.status === "succeeded" ? ExitCode.ok : ExitCode.failed);
      });
  },
};

/** @internal exported for tests: reads a run record written by a run. */
export function readRunRecord(stateDir: string, id: string): RunRecord | undefined {
  const path = join(stateDir, "runs", id, "run.json");
  return existsSync(path) && statSync(path).isFile()
    ? (JSON.parse(readFileSync(path, "utf8")) as RunRecord)
    : undefined;
}
