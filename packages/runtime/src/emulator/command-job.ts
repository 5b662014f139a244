import type { BlobBackend } from "./blob-backend.js";
import type { JobResource, WorkspaceState } from "./emulator-state.js";
import { assetOfId } from "./job-references.js";

/** The workspace's artifact store: where Azure ML keeps run logs and `outputs/` (container `azureml`). */
export const ARTIFACT_DATASTORE = "workspaceartifactstore";
/** The artifact store's container. */
export const ARTIFACT_CONTAINER = "azureml";

/** Where a job's artifacts live in the artifact store (`ExperimentRun/dcid.<job>/`). */
export function runArtifactsPrefix(jobName: string): string {
  return `ExperimentRun/dcid.${jobName}`;
}

/**
 * Why a command job cannot be created (empty when it can): a compute, code or environment version it
 * names that does not exist, which Azure refuses at PUT.
 */
export function commandJobProblems(ws: WorkspaceState, properties: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const computeId = properties.computeId;
  if (typeof computeId === "string") {
    const name = /\/computes\/([^/]+)$/i.exec(computeId)?.[1];
    if (!name || !ws.computes[name])
      problems.push(`properties.computeId: compute "${computeId}" does not exist in this workspace`);
  }
  const code = typeof properties.codeId === "string" ? assetOfId(properties.codeId, "codes") : undefined;
  if (typeof properties.codeId === "string" && (!code || !ws.codes[code.name]?.[code.version]))
    problems.push(`properties.codeId: code version "${properties.codeId}" does not exist`);
  const env = assetOfId(String(properties.environmentId ?? ""), "environments");
  if (!env || !ws.environments[env.name]?.[env.version])
    problems.push(
      `properties.environmentId: environment version "${String(properties.environmentId)}" does not exist`,
    );
  return problems;
}

/**
 * A command job as the service stores it: with the `default` output Azure ML gives every command job
 * (its artifact folder in the artifact store), unless the job names its own.
 */
export function withDefaultOutput(
  name: string,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  const outputs = (properties.outputs ?? {}) as Record<string, unknown>;
  if (outputs.default) return properties;
  return {
    ...properties,
    outputs: {
      ...outputs,
      default: {
        jobOutputType: "uri_folder",
        mode: "ReadWriteMount",
        uri: `azureml://datastores/${ARTIFACT_DATASTORE}/${runArtifactsPrefix(name)}`,
      },
    },
  };
}

/**
 * Writes what a job leaves in the artifact store when it moves to a new state, where clients read it
 * as they would a real job's, so streaming and downloading are rehearsable: a command job's log
 * (`user_logs/std_log.txt`, an append blob that grows as a real job's does) and, once Completed, an
 * `outputs/` file saying the emulator ran nothing; a pipeline job's execution log
 * (`logs/azureml/executionlogs.txt`): its state changes here, its step runs' starts and ends through
 * `syncStepRuns`.
 */
export async function writeRunArtifacts(job: JobResource, blobs: BlobBackend): Promise<void> {
  const pipeline = job.properties.jobType === "Pipeline";
  if (!pipeline && job.properties.jobType !== "Command") return;
  const prefix = runArtifactsPrefix(job.name);
  const lines = pipeline ? [statusLine(job)] : commandLogLines(job);
  const log = pipeline ? "logs/azureml/executionlogs.txt" : "user_logs/std_log.txt";
  await blobs.ensureContainer(ARTIFACT_CONTAINER);
  await blobs.appendBlob(ARTIFACT_CONTAINER, `${prefix}/${log}`, `${lines.join("\n")}\n`);
  if (!pipeline && job.properties.status === "Completed")
    await blobs.writeBlob(
      ARTIFACT_CONTAINER,
      `${prefix}/outputs/emulator-run.json`,
      `${JSON.stringify({ job: job.name, command: job.properties.command, note: "written by amlpipe emulator, which runs no code" }, null, 2)}\n`,
    );
}

/** The status line every log gets: when, which state, and why a job failed. */
function statusLine(job: JobResource): string {
  const failure = (job.properties.properties as Record<string, string> | undefined)?.[
    "amlpipe.emulator.failure"
  ];
  return `[amlpipe emulator] ${new Date().toISOString()} ${String(job.properties.status)}${failure ? `: ${failure}` : ""}`;
}

function commandLogLines(job: JobResource): string[] {
  const running = job.properties.status === "Running";
  return [
    statusLine(job),
    ...(running ? [`[amlpipe emulator] would run: ${String(job.properties.command)}`] : []),
  ];
}
