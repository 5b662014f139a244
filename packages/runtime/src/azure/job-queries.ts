import type { AzureMachineLearningWorkspaces, JobBasePropertiesUnion } from "@azure/arm-machinelearning";
import { createAmlClient, credentialFor, type RetrySettings, type WorkspaceTarget } from "./create-client.js";
import { followJob } from "./follow-job.js";
import { EXECUTION_LOG, pipelineLogFollower, STEP_LOG } from "./pipeline-log-follower.js";
import { artifactContainer, logFollower } from "./run-artifacts.js";

/** One job as `amlpipe jobs list` shows it. */
export interface JobSummary {
  readonly name: string;
  readonly jobType: string;
  readonly status: string;
  readonly experiment?: string;
  readonly displayName?: string;
  /** When the job was created (ARM's `systemData.createdAt`), ISO 8601. */
  readonly createdAt?: string;
}

/** One job as `amlpipe jobs show` shows it: the summary, where to see it, and its nodes. */
export interface JobDetails extends JobSummary {
  /** The job's page in Azure ML studio (`services.Studio.endpoint`), when the service gives one. */
  readonly studio?: string;
  readonly computeId?: string;
  /** A pipeline job's nodes: name, kind, compute. */
  readonly nodes: readonly { readonly name: string; readonly type: string; readonly computeId?: string }[];
  readonly tags: Readonly<Record<string, string>>;
}

function summary(name: string, properties: JobBasePropertiesUnion, createdAt: Date | undefined): JobSummary {
  return {
    name,
    jobType: properties.jobType,
    status: properties.status ?? "Unknown",
    ...(properties.experimentName ? { experiment: properties.experimentName } : {}),
    ...(properties.displayName ? { displayName: properties.displayName } : {}),
    ...(createdAt ? { createdAt: new Date(createdAt).toISOString() } : {}),
  };
}

/**
 * The workspace's jobs, newest first, at most `max` (pages are read only until there are enough).
 * ARM lists every job of the workspace: a pipeline's steps are not jobs of their own there.
 */
export async function listJobs(
  target: WorkspaceTarget,
  options: { readonly max?: number; readonly retry?: RetrySettings } = {},
): Promise<JobSummary[]> {
  const client = await createAmlClient(target, options.retry);
  const jobs: JobSummary[] = [];
  for await (const job of client.jobs.list(target.resourceGroup, target.workspace))
    jobs.push(summary(job.name ?? "", job.properties, job.systemData?.createdAt));
  jobs.sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || a.name.localeCompare(b.name));
  return options.max === undefined ? jobs : jobs.slice(0, options.max);
}

/** The job's details, or undefined when the workspace has no job of that name (a 404). */
export async function showJob(
  target: WorkspaceTarget,
  name: string,
  retry?: RetrySettings,
): Promise<JobDetails | undefined> {
  const client = await createAmlClient(target, retry);
  const job = await getOrMissing(client, target, name);
  if (!job) return undefined;
  const properties = job.properties as JobBasePropertiesUnion & {
    jobs?: Record<string, { type?: string; computeId?: string }>;
  };
  const studio = properties.services?.Studio?.endpoint;
  return {
    ...summary(name, properties, job.systemData?.createdAt),
    ...(studio ? { studio } : {}),
    ...(properties.computeId ? { computeId: properties.computeId } : {}),
    nodes: Object.entries(properties.jobs ?? {}).map(([node, value]) => ({
      name: node,
      type: String(value.type ?? "unknown"),
      ...(value.computeId ? { computeId: value.computeId } : {}),
    })),
    tags: Object.fromEntries(
      Object.entries(properties.tags ?? {}).flatMap(([k, v]) => (v === null ? [] : [[k, v]])),
    ),
  };
}

async function getOrMissing(client: AzureMachineLearningWorkspaces, target: WorkspaceTarget, name: string) {
  try {
    return await client.jobs.get(target.resourceGroup, target.workspace, name);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

/**
 * Cancels a job and waits until the service has (the cancel operation ends). A job that already
 * ended is left as it is: `ended` with its status; one that does not exist is `missing`.
 */
export async function cancelJob(
  target: WorkspaceTarget,
  name: string,
  options: { readonly pollMs?: number; readonly retry?: RetrySettings } = {},
): Promise<{ outcome: "canceled" | "ended" | "missing"; status?: string }> {
  const client = await createAmlClient(target, options.retry);
  const job = await getOrMissing(client, target, name);
  if (!job) return { outcome: "missing" };
  const status = job.properties.status ?? "Unknown";
  if (["Completed", "Failed", "Canceled"].includes(status)) return { outcome: "ended", status };
  await client.jobs.beginCancelAndWait(target.resourceGroup, target.workspace, name, {
    updateIntervalInMs: options.pollMs ?? 5000,
  });
  const after = await client.jobs.get(target.resourceGroup, target.workspace, name);
  return { outcome: "canceled", status: after.properties.status ?? "Unknown" };
}

/**
 * The log a job streams, in its folder of the artifact store, as the official SDK streams it: a
 * pipeline's `logs/azureml/executionlogs.txt` (which step started, which ended; its steps' own logs
 * are followed through it, `pipelineLogFollower`), a command job's `user_logs/std_log.txt`.
 */
export function streamedLog(jobType: string): string {
  return jobType === "Pipeline" ? EXECUTION_LOG : STEP_LOG;
}

/**
 * Prints a job's log through `onLine`: what is there now, and with `follow` what is added until the
 * job ends (or `signal` aborts). Resolves to the job's last status (`Interrupted` when stopped).
 */
export async function jobLogs(
  target: WorkspaceTarget,
  name: string,
  options: {
    readonly follow?: boolean;
    readonly pollMs?: number;
    readonly signal?: AbortSignal;
    readonly retry?: RetrySettings;
    readonly onLine: (line: string) => void;
    readonly onStatus?: (status: string) => void;
  },
): Promise<string | undefined> {
  const client = await createAmlClient(target, options.retry);
  const job = await getOrMissing(client, target, name);
  if (!job) return undefined;
  const container = await artifactContainer(client, target, () => credentialFor(target));
  const pipeline =
    job.properties.jobType === "Pipeline" ? pipelineLogFollower(client, target, container, name) : undefined;
  const nextLines = pipeline?.next ?? logFollower(container, name, streamedLog(job.properties.jobType));
  const print = async () => {
    for (const line of await nextLines()) options.onLine(line);
  };
  if (!options.follow) {
    await print();
    return job.properties.status ?? "Unknown";
  }
  const status = await followJob(client, target, name, options.onStatus ?? (() => {}), {
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onPoll: print,
  });
  if (status === "Failed" && pipeline) for (const line of await pipeline.failedTails()) options.onLine(line);
  return status;
}
