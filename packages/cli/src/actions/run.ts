import { existsSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { hasErrors, type PipelineIR } from "@amlpipe/compiler";
import { loadCompiledPipeline, type RunRecord, runLocal } from "@amlpipe/runtime";
import { type CliIo, ExitCode, type ExitCodeValue, say } from "../cli-io.js";
import { allowedOutside } from "../commands/allow-outside.js";
import { parseAssignments } from "../commands/parse-assignments.js";
import type { RunOptions } from "../commands/run.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { stepProgress } from "../progress/step-progress.js";
import { compileToDirectory } from "./compile-to-directory.js";

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
  if (record.status === "canceled")
    lines.push("  run it again to go on: finished steps are reused, the canceled ones run");
  for (const step of record.steps) {
    if (explain) lines.push(`  ${step.key}: ${step.status} (${step.reuse ?? step.error ?? "not reached"})`);
    for (const [name, path] of Object.entries(step.outputs ?? {}))
      lines.push(`  ${step.key}.${name} -> ${relative(cwd, path)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The action of `amlpipe run`: compiles a .ts input first, then runs it with the local backend. */
export async function runAction(
  io: CliIo,
  setExit: (code: ExitCodeValue) => void,
  input: string,
  options: RunOptions,
): Promise<void> {
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
  const progress = stepProgress(io, !options.json, loaded.ir.steps.length);
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
    ...runInterrupts(io),
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
  else say(io, summary(result.record, options.explain === true || io.verbosity === "verbose", io.cwd));
  setExit(RUN_EXIT[result.record.status]);
}

/** The exit code of a local run by its outcome: 130 for a run Ctrl-C stopped, as shells say. */
const RUN_EXIT: Record<RunRecord["status"], ExitCodeValue> = {
  succeeded: ExitCode.ok,
  failed: ExitCode.failed,
  canceled: ExitCode.interrupted,
  running: ExitCode.failed,
};

/**
 * Takes over Ctrl-C for a local run: the first stops scheduling and lets running steps finish, the
 * second kills them; each says so, since a run that goes on after Ctrl-C looks hung otherwise.
 */
function runInterrupts(io: CliIo): { signal?: AbortSignal; kill?: AbortSignal } {
  const taken = io.interrupts?.();
  if (!taken) return {};
  const tell = (text: string) => () => io.stderr(`\n${text}\n`);
  taken.stop.addEventListener(
    "abort",
    tell("interrupted: no step starts now; running steps finish (Ctrl-C again kills them)"),
    { once: true },
  );
  taken.kill.addEventListener("abort", tell("interrupted again: killing the running steps"), { once: true });
  return { signal: taken.stop, kill: taken.kill };
}
