import { resolve } from "node:path";
import { hasErrors } from "@amlpipe/compiler";
import { loadCompiledPipeline, submitToAzure } from "@amlpipe/runtime";
import { appendStepSummary, submitSummary } from "../ci/step-summary.js";
import { type CliIo, ExitCode, type ExitCodeValue, say } from "../cli-io.js";
import { allowedOutside } from "../commands/allow-outside.js";
import { azureFailure, pollInterval, resolveWorkspace } from "../commands/azure-options.js";
import { parseAssignments } from "../commands/parse-assignments.js";
import type { SubmitFlags } from "../commands/submit.js";
import { printDiagnostics } from "../print-diagnostics.js";

/**
 * The action of `amlpipe submit` (and, with `attachOnly`, of `amlpipe attach`): loads the compiled
 * directory and hands it to the Azure backend; resolves to the exit code.
 */
export async function runSubmit(
  dir: string,
  flags: SubmitFlags,
  io: CliIo,
  attachOnly: boolean,
): Promise<ExitCodeValue> {
  const target = resolveWorkspace(flags, io);
  if ("error" in target) {
    io.stderr(`error: ${target.error}\n`);
    return ExitCode.usage;
  }
  const params = parseAssignments({ param: flags.param ?? [], tag: flags.tag ?? [] });
  if ("error" in params) {
    io.stderr(`error: ${params.error}\n`);
    return ExitCode.usage;
  }
  const allowOutside = allowedOutside(io.cwd, flags.allowOutside);
  const loaded = loadCompiledPipeline(dir, {
    root: io.cwd,
    missingFileSeverity: "error",
    ...(allowOutside ? { allowOutside } : {}),
  });
  printDiagnostics(io, loaded.diagnostics, "human");
  if (!loaded.ir || hasErrors(loaded.diagnostics)) return ExitCode.failed;
  if (flags.download && !(flags.wait && loaded.ir.trainingRun)) {
    io.stderr("error: --download takes --wait and a training run (a scriptRun's compiled directory)\n");
    return ExitCode.usage;
  }
  try {
    const report = await submitToAzure(loaded.ir, {
      target,
      root: resolve(io.cwd),
      compiledDir: loaded.dir,
      env: io.env,
      attachOnly,
      ...(flags.dryRun ? { dryRun: true } : {}),
      ...(flags.reattach ? { reattach: true } : {}),
      ...(flags.wait ? { wait: true } : {}),
      ...(flags.cancelOnInterrupt ? { cancelOnInterrupt: true } : {}),
      ...(flags.download ? { downloadTo: resolve(io.cwd, flags.download) } : {}),
      ...(io.ask
        ? {
            confirmCancel: async (job: string) =>
              /^y(es)?$/i.test((await io.ask?.(`\ncancel job ${job}? [y/N] `)) ?? ""),
          }
        : {}),
      ...(flags.submissionId ? { submissionId: flags.submissionId } : {}),
      ...(flags.experiment ? { experimentName: flags.experiment } : {}),
      params: params.param,
      tags: params.tag,
      pollMs: pollInterval(io, target),
      log: (line) => {
        if (!flags.json) say(io, `${line}\n`);
      },
      // Only a followed job answers Ctrl-C itself (stop following, or cancel it); before that an
      // interrupt waits for the job to be created, so nothing is left half-made.
      ...(flags.wait && io.interrupts ? { signal: io.interrupts().stop } : {}),
    });
    printDiagnostics(io, report.diagnostics, "human");
    appendStepSummary(io, submitSummary(report, attachOnly));
    if (flags.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    if (hasErrors(report.diagnostics)) return ExitCode.failed;
    if (report.job?.status && report.job.status !== "Completed") return ExitCode.failed;
    return ExitCode.ok;
  } catch (error) {
    io.stderr(`error: ${azureFailure(error)}\n`);
    return ExitCode.failed;
  }
}
