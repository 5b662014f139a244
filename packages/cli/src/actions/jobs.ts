import type { JobDetails, JobSummary, WorkspaceTarget } from "@amlpipe/runtime";
import { type CliIo, ExitCode, type ExitCodeValue, say } from "../cli-io.js";
import { azureFailure, pollInterval, resolveWorkspace } from "../commands/azure-options.js";
import type { JobsFlags } from "../commands/jobs.js";

/** Resolves the workspace and runs `body` against it, turning failures into clear messages. */
async function withWorkspace(
  flags: JobsFlags,
  io: CliIo,
  body: (target: WorkspaceTarget, runtime: typeof import("@amlpipe/runtime")) => Promise<ExitCodeValue>,
): Promise<ExitCodeValue> {
  const target = resolveWorkspace(flags, io);
  if ("error" in target) {
    io.stderr(`error: ${target.error}\n`);
    return ExitCode.usage;
  }
  try {
    return await body(target, await import("@amlpipe/runtime"));
  } catch (error) {
    io.stderr(`error: ${azureFailure(error)}\n`);
    return ExitCode.failed;
  }
}

function noSuchJob(io: CliIo, name: string, target: WorkspaceTarget): ExitCodeValue {
  io.stderr(
    `error: workspace "${target.workspace}" has no job "${name}" (amlpipe jobs list shows its jobs)\n`,
  );
  return ExitCode.failed;
}

/** Columns padded to their widest cell, so a list reads as a table. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const when = (iso: string | undefined) => (iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "Z") : "");

/** `amlpipe jobs list`. */
export async function listAction(_: string, flags: JobsFlags, io: CliIo): Promise<ExitCodeValue> {
  const max = Number(flags.max ?? 50);
  if (!Number.isInteger(max) || max < 1) {
    io.stderr(`error: --max takes a whole number of at least 1, got "${flags.max}"\n`);
    return ExitCode.usage;
  }
  return withWorkspace(flags, io, async (target, runtime) => {
    const jobs: JobSummary[] = await runtime.listJobs(target, { max });
    if (flags.json) io.stdout(`${JSON.stringify(jobs, null, 2)}\n`);
    else if (jobs.length === 0) say(io, `workspace "${target.workspace}" has no jobs\n`);
    else
      io.stdout(
        `${table([
          ["NAME", "TYPE", "STATUS", "EXPERIMENT", "CREATED"],
          ...jobs.map((j) => [j.name, j.jobType, j.status, j.experiment ?? "", when(j.createdAt)]),
        ])}\n`,
      );
    return ExitCode.ok;
  });
}

/** The human form of `amlpipe jobs show`. */
export function describeJob(job: JobDetails): string {
  const lines = [`job ${job.name}: ${job.status}`, `  type: ${job.jobType}`];
  if (job.displayName) lines.push(`  display name: ${job.displayName}`);
  if (job.experiment) lines.push(`  experiment: ${job.experiment}`);
  if (job.createdAt) lines.push(`  created: ${when(job.createdAt)}`);
  if (job.computeId) lines.push(`  compute: ${job.computeId.split("/").at(-1)}`);
  if (job.studio) lines.push(`  studio: ${job.studio}`);
  if (job.nodes.length > 0) {
    lines.push(`  steps (${job.nodes.length}):`);
    const rows = job.nodes.map((n) => [n.name, n.type, n.computeId?.split("/").at(-1) ?? ""]);
    lines.push(
      ...table(rows)
        .split("\n")
        .map((row) => `    ${row}`),
    );
  }
  const tags = Object.entries(job.tags).filter(([key]) => !key.startsWith("amlpipe.emulator."));
  if (tags.length > 0) lines.push(`  tags: ${tags.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** `amlpipe jobs show NAME`. */
export function showAction(name: string, flags: JobsFlags, io: CliIo): Promise<ExitCodeValue> {
  return withWorkspace(flags, io, async (target, runtime) => {
    const job = await runtime.showJob(target, name);
    if (!job) return noSuchJob(io, name, target);
    io.stdout(flags.json ? `${JSON.stringify(job, null, 2)}\n` : describeJob(job));
    return ExitCode.ok;
  });
}

/** `amlpipe jobs cancel NAME`. */
export function cancelAction(name: string, flags: JobsFlags, io: CliIo): Promise<ExitCodeValue> {
  return withWorkspace(flags, io, async (target, runtime) => {
    if (!flags.json) say(io, `canceling job ${name}...\n`);
    const result = await runtime.cancelJob(target, name, { pollMs: pollInterval(io, target) });
    if (result.outcome === "missing") return noSuchJob(io, name, target);
    if (flags.json) io.stdout(`${JSON.stringify({ name, ...result }, null, 2)}\n`);
    else if (result.outcome === "ended")
      say(io, `job ${name} had already ended (${result.status}): nothing to cancel\n`);
    else say(io, `job ${name}: ${result.status}\n`);
    return ExitCode.ok;
  });
}

/** `amlpipe jobs logs NAME [--follow]`: the exit code follows the job when following it. */
export function logsAction(name: string, flags: JobsFlags, io: CliIo): Promise<ExitCodeValue> {
  return withWorkspace(flags, io, async (target, runtime) => {
    const stop = flags.follow ? io.interrupts?.().stop : undefined;
    const status = await runtime.jobLogs(target, name, {
      ...(flags.follow ? { follow: true } : {}),
      pollMs: pollInterval(io, target),
      ...(stop ? { signal: stop } : {}),
      onLine: (line) => io.stdout(`${line}\n`),
      onStatus: (s) => say(io, `job ${name}: ${s}\n`),
    });
    if (status === undefined) return noSuchJob(io, name, target);
    if (!flags.follow) return ExitCode.ok;
    if (status === "Interrupted") {
      io.stderr(`stopped following; job ${name} keeps running (amlpipe jobs cancel ${name} to cancel it)\n`);
      return ExitCode.interrupted;
    }
    return status === "Completed" ? ExitCode.ok : ExitCode.failed;
  });
}
