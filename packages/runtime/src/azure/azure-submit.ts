import { join, resolve } from "node:path";
import { type Diagnostic, diagnostic, type PipelineIR } from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { ContainerClient } from "@azure/storage-blob";
import { RefusedLinksError } from "../snapshot/hash-tree.js";
import { createAmlClient, credentialFor, type RetrySettings, type WorkspaceTarget } from "./create-client.js";
import { executeJobPlan, type PlanOutcome } from "./execute-plan.js";
import { followJob } from "./follow-job.js";
import { gitFacts } from "./git-facts.js";
import { streamedLog } from "./job-queries.js";
import { resolveVaultSecrets } from "./key-vault.js";
import { liveChecks } from "./live-checks.js";
import { missingPermissions, type NeededPermission } from "./permission-check.js";
import { pipelineLogFollower } from "./pipeline-log-follower.js";
import { type AttachAction, applyAttach, planAttach } from "./plan-attach.js";
import { artifactContainer, downloadOutputs, logFollower } from "./run-artifacts.js";
import { type JobPlan, planJob } from "./submit-plan.js";

/** Options of {@link submitToAzure}. */
export interface AzureSubmitOptions {
  readonly target: WorkspaceTarget;
  readonly root: string;
  readonly compiledDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Plan and check only: print what would be attached, uploaded, registered and submitted; change nothing. */
  readonly dryRun?: boolean;
  readonly reattach?: boolean;
  /** Stop after attaching (`amlpipe attach`). */
  readonly attachOnly?: boolean;
  /** With the content hash, names the job: the same id and content find the earlier job (default "default"). */
  readonly submissionId?: string;
  readonly experimentName?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** Extra job tags (`--tag k=v`). */
  readonly tags?: Readonly<Record<string, string>>;
  readonly wait?: boolean;
  /** When following is interrupted (Ctrl-C), cancel the job rather than leave it running. */
  readonly cancelOnInterrupt?: boolean;
  /** Asked on an interrupt when `cancelOnInterrupt` is not set (a terminal prompt): true cancels the job. */
  readonly confirmCancel?: (jobName: string) => Promise<boolean>;
  /** With `wait`, download a completed command job's `outputs/` into this folder (`<dir>/<job>/`). */
  readonly downloadTo?: string;
  readonly pollMs?: number;
  readonly retry?: RetrySettings;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** One attach decision as reported: never the attach body, which holds resolved secrets. */
export type AttachSummary = Omit<AttachAction, "body">;

/** The plan a submit follows (or, with dryRun, would follow), as reported: ids, folders, bytes, assets, the job. */
export interface SubmitPlanSummary {
  readonly uploads: readonly { directory: string; files: number; bytes: number; blobFolder: string }[];
  readonly assets: readonly string[];
  readonly job?: { readonly name: string; readonly body: unknown };
}

/** What a submit did (or, with dryRun, would do). */
export interface AzureSubmitReport {
  readonly attach: readonly AttachSummary[];
  readonly plan?: SubmitPlanSummary;
  readonly upload?: { readonly folders: number; readonly files: number; readonly bytes: number };
  readonly job?: {
    readonly name: string;
    readonly created: boolean;
    readonly status?: string;
    /** The job's page in Azure ML studio, as the service reports it. */
    readonly studio?: string;
    /** Files of `outputs/` downloaded (`--download`), relative to `folder`. */
    readonly downloaded?: { readonly folder: string; readonly files: readonly string[] };
  };
  readonly diagnostics: readonly Diagnostic[];
}

function summary(plan: JobPlan): SubmitPlanSummary {
  return {
    uploads: plan.folders.map((f) => ({
      directory: f.directory,
      files: f.snapshot.files.length,
      bytes: f.snapshot.bytes,
      blobFolder: f.codeUri,
    })),
    assets: plan.assets.map((a) => a.id),
    ...(plan.job ? { job: plan.job } : {}),
  };
}

/** AP904 at the first step whose source folder holds the links (else at the pipeline). */
function refusedLinks(error: RefusedLinksError, ir: PipelineIR, root: string): Diagnostic {
  const step = ir.steps.find((s) => resolve(root, s.sourceDirectory ?? ".") === resolve(error.root));
  const at = step?.source ?? ir.source;
  return diagnostic("AP904", error.message, { hint: error.hint, ...(at ? { at } : {}) });
}

/** A 401/403 answer as AP807 naming the call, so a permission problem reads as one (and as early as it is met). */
function deniedCall(error: unknown, target: WorkspaceTarget): Diagnostic | undefined {
  const e = error as { statusCode?: number; code?: string; request?: { method?: string; url?: string } };
  if (e.statusCode !== 401 && e.statusCode !== 403) return undefined;
  const url = e.request?.url ? new URL(e.request.url) : undefined;
  const call = url
    ? `${e.request?.method ?? ""} ${url.pathname.replace(/^.*\/workspaces\/[^/]+\/?/, "")}`.trim()
    : "a request";
  return diagnostic(
    "AP807",
    `Azure answered ${e.statusCode}${e.code ? ` ${e.code}` : ""} to ${call || "the workspace"} on workspace "${target.workspace}"`,
    {
      hint: 'sign in with an identity that has a role on the workspace; see docs/azure.md, "What a real submit needs"',
    },
  );
}

/** Azure ML's limit on a snapshot's total size (300 MB; larger source folders need .amlignore). */
export const SNAPSHOT_LIMIT_BYTES = 300 * 1024 * 1024;

function tooLarge(plan: JobPlan): Diagnostic[] {
  return plan.folders
    .filter((f) => f.snapshot.bytes > SNAPSHOT_LIMIT_BYTES)
    .map((f) => {
      const largest = [...f.snapshot.files]
        .sort((a, b) => b.size - a.size)
        .slice(0, 5)
        .map((x) => `${x.path} (${(x.size / 1048576).toFixed(1)} MB)`);
      return diagnostic(
        "AP601",
        `source directory "${f.directory}" is ${(f.snapshot.bytes / 1048576).toFixed(0)} MB, over Azure ML's 300 MB snapshot limit; largest: ${largest.join(", ")}`,
        { hint: "list large files in .amlignore" },
      );
    });
}

/**
 * Submits a pipeline as the official SDK does. First everything is planned and checked with reads
 * only (steps with no REST form, attach conflicts, live constraints, environments, snapshot limits);
 * then computes the submitted steps use are attached, code folders uploaded, code, environment and
 * component versions registered, and the job created with REST nodes. Each write looks first, so a
 * rerun does only what is left, and an unchanged resubmit with the same submission id finds its job.
 */
export async function submitToAzure(ir: PipelineIR, options: AzureSubmitOptions): Promise<AzureSubmitReport> {
  let report: AzureSubmitReport & { attach: readonly AttachAction[] };
  try {
    report = await submitWithSecrets(ir, options);
  } catch (error) {
    if (error instanceof RefusedLinksError)
      return { attach: [], diagnostics: [refusedLinks(error, ir, options.root)] };
    const denied = deniedCall(error, options.target);
    if (!denied) throw error;
    return { attach: [], diagnostics: [denied] };
  }
  // Attach bodies carry resolved secrets: they stay inside this module.
  return {
    ...report,
    attach: report.attach.map(({ compute, action, reason }) => ({ compute, action, reason })),
  };
}

async function submitWithSecrets(
  ir: PipelineIR,
  options: AzureSubmitOptions,
): Promise<AzureSubmitReport & { attach: readonly AttachAction[] }> {
  const { target, log } = options;
  const client = await createAmlClient(target, options.retry);
  const credential = () => credentialFor(target);
  const plan = options.attachOnly
    ? undefined
    : await planJob(ir, client, target, {
        root: options.root,
        submissionId: options.submissionId ?? "default",
        ...(options.experimentName ? { experimentName: options.experimentName } : {}),
        ...(options.params ? { params: options.params } : {}),
        tags: { ...options.tags },
        properties: gitFacts(options.root),
      });
  // Only the computes submitted steps use are attached (attach alone attaches them all).
  const used = plan ? new Set(plan.computes) : undefined;
  const attachIr = used ? { ...ir, computes: ir.computes.filter((c) => used.has(c.name)) } : ir;
  const env = { ...options.env, ...(await resolveVaultSecrets(attachIr, target, credential)) };
  const { location } = await client.workspaces.get(target.resourceGroup, target.workspace);
  const attach = await planAttach(attachIr, client, target, {
    env,
    ...(location ? { location } : {}),
    ...(options.reattach ? { reattach: true } : {}),
  });
  const checks = options.attachOnly
    ? []
    : await liveChecks(ir, client, target, attach.existing, attach.actions);
  const diagnostics = [
    ...(plan?.diagnostics ?? []),
    ...attach.diagnostics,
    ...checks,
    ...(plan ? tooLarge(plan) : []),
  ];
  for (const a of attach.actions) log(`compute ${a.compute}: ${a.action} (${a.reason})`);
  const base = { attach: attach.actions, ...(plan ? { plan: summary(plan) } : {}) };
  if (diagnostics.some((d) => d.severity === "error")) return { ...base, diagnostics };
  if (plan) logPlan(plan, log);
  if (options.dryRun) {
    const denied = await missingPermissions(client, target, neededPermissions(attach.actions, plan));
    if (denied.length > 0) return { ...base, diagnostics: [...diagnostics, ...denied] };
    log(
      options.attachOnly
        ? "dry run: nothing was attached"
        : `dry run: would submit job ${plan?.job?.name}; nothing was changed`,
    );
    return { ...base, diagnostics };
  }
  await applyAttach(attach.actions, client, target, log, options.pollMs);
  if (!plan) return { ...base, diagnostics };
  const outcome = await executeJobPlan(plan, client, target, { root: options.root, credential, log });
  log(
    outcome.job.created
      ? `submitted job ${outcome.job.name}`
      : `job ${outcome.job.name} exists already (same content and submission id): not submitted again`,
  );
  if (outcome.job.studio) log(`  ${outcome.job.studio}`);
  const jobType = String(plan.job?.body.properties.jobType);
  const artifacts = options.wait ? await artifactContainer(client, target, credential) : undefined;
  const status = options.wait ? await follow(client, outcome, options, jobType, artifacts) : undefined;
  const downloaded =
    artifacts && jobType === "Command" && status === "Completed" && options.downloadTo
      ? await download(artifacts, outcome.job.name, options.downloadTo, log)
      : undefined;
  return {
    ...base,
    upload: { folders: outcome.uploadedFolders, files: outcome.uploadedFiles, bytes: outcome.uploadedBytes },
    job: { ...outcome.job, ...(status ? { status } : {}), ...(downloaded ? { downloaded } : {}) },
    diagnostics,
  };
}

const ML = "Microsoft.MachineLearningServices/workspaces";

/** The permission each write of the plan needs (what a dry run checks). */
function neededPermissions(actions: readonly AttachAction[], plan: JobPlan | undefined): NeededPermission[] {
  const needed: NeededPermission[] = [];
  for (const a of actions) {
    if (a.action === "reattach")
      needed.push({ action: `${ML}/computes/delete`, call: `DELETE computes/${a.compute}` });
    if (a.action === "create" || a.action === "reattach")
      needed.push({ action: `${ML}/computes/write`, call: `PUT computes/${a.compute}` });
  }
  if (!plan) return needed;
  if (plan.datastore && plan.folders.length > 0 && plan.datastore.credentialsType !== "None")
    needed.push({
      action: `${ML}/datastores/listsecrets/action`,
      call: `POST datastores/${plan.datastore.name}/listSecrets`,
    });
  for (const a of plan.assets)
    needed.push({
      action: `${ML}/${a.collection}/versions/write`,
      call: `PUT ${a.collection}/${a.name}/versions/${a.version}`,
    });
  if (plan.job) needed.push({ action: `${ML}/jobs/write`, call: `PUT jobs/${plan.job.name}` });
  return needed;
}

function logPlan(plan: JobPlan, log: (line: string) => void): void {
  for (const f of plan.folders)
    log(`code ${f.directory}: ${f.snapshot.files.length} files, ${f.snapshot.bytes} bytes -> ${f.codeUri}`);
  for (const a of plan.assets) log(`asset ${a.collection}/${a.name}/versions/${a.version}`);
  const job = plan.job?.body.properties;
  if (plan.job && job?.jobType === "Command")
    log(`job ${plan.job.name}: a command job in experiment ${String(job.experimentName)}`);
  else if (plan.job) log(`job ${plan.job.name}: ${Object.keys((job?.jobs ?? {}) as object).length} nodes`);
}

/** Downloads a command job's `outputs/` to `<folder>/<job>/`, saying where. */
async function download(
  artifacts: ContainerClient,
  job: string,
  folder: string,
  log: (line: string) => void,
): Promise<{ folder: string; files: string[] }> {
  const into = join(folder, job);
  const files = await downloadOutputs(artifacts, job, into);
  log(`job ${job}: downloaded ${files.length} file(s) of outputs/ to ${into}`);
  return { folder: into, files };
}

async function follow(
  client: AzureMachineLearningWorkspaces,
  outcome: PlanOutcome,
  options: AzureSubmitOptions,
  jobType: string,
  artifacts: ContainerClient | undefined,
): Promise<string> {
  const { target, log } = options;
  const name = outcome.job.name;
  // The log the official SDK streams is followed as it grows: a command job's output, a pipeline's
  // execution log (which step started and ended) and, through it, each step's own log.
  const pipeline =
    artifacts && jobType === "Pipeline" ? pipelineLogFollower(client, target, artifacts, name) : undefined;
  const nextLines =
    pipeline?.next ?? (artifacts ? logFollower(artifacts, name, streamedLog(jobType)) : undefined);
  let status = await followJob(client, target, name, (s) => log(`job ${name}: ${s}`), {
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(nextLines
      ? {
          onPoll: async () => {
            for (const line of await nextLines()) log(`  | ${line}`);
          },
        }
      : {}),
  });
  if (status === "Failed" && pipeline) for (const line of await pipeline.failedTails()) log(line);
  if (status !== "Interrupted") return status;
  if (options.cancelOnInterrupt || (await options.confirmCancel?.(name)) === true) {
    log(`canceling job ${name}...`);
    await client.jobs.beginCancelAndWait(target.resourceGroup, target.workspace, name, {
      updateIntervalInMs: options.pollMs ?? 5000,
    });
    status = "Canceled";
  } else
    log(`stopped following; job ${name} keeps running (pass --cancel-on-interrupt to cancel it on Ctrl-C)`);
  return status;
}

/** Detaches a compute from the workspace; the Azure resource itself is never deleted. */
export async function detachFromAzure(
  name: string,
  target: WorkspaceTarget,
  pollMs = 5000,
  retry?: RetrySettings,
): Promise<boolean> {
  const client = await createAmlClient(target, retry);
  try {
    await client.computeOperations.get(target.resourceGroup, target.workspace, name);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
  await client.computeOperations.beginDeleteAndWait(target.resourceGroup, target.workspace, name, "Detach", {
    updateIntervalInMs: pollMs,
  });
  return true;
}
