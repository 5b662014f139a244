import { relative } from "node:path";
import { type Diagnostic, diagnostic, type PipelineIR } from "@amlpipe/compiler";
import { createAmlClient, type WorkspaceTarget } from "./create-client.js";
import { gitFacts } from "./git-facts.js";
import { liveChecks } from "./live-checks.js";
import { type AttachAction, applyAttach, planAttach } from "./plan-attach.js";
import { followJob, submitPipeline } from "./submit-pipeline.js";
import { emulatorBlobStore, type UploadResult, uploadSnapshots } from "./upload-snapshots.js";

/** Options of {@link submitToAzure}. */
export interface AzureSubmitOptions {
  readonly target: WorkspaceTarget;
  readonly root: string;
  readonly compiledDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Plan and check only: print what would be attached, uploaded and submitted; change nothing. */
  readonly dryRun?: boolean;
  readonly reattach?: boolean;
  /** Stop after attaching (`amlpipe attach`). */
  readonly attachOnly?: boolean;
  readonly submissionId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** Extra job tags (`--tag k=v`); git facts are added. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly wait?: boolean;
  /** When following is interrupted (Ctrl-C), cancel the job rather than leave it running. */
  readonly cancelOnInterrupt?: boolean;
  /** Asked on an interrupt when `cancelOnInterrupt` is not set (a terminal prompt): true cancels the job. */
  readonly confirmCancel?: (jobName: string) => Promise<boolean>;
  readonly pollMs?: number;
  readonly retry?: { readonly maxRetries?: number; readonly retryDelayInMs?: number };
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** One attach decision as reported: never the attach body, which holds resolved secrets. */
export type AttachSummary = Omit<AttachAction, "body">;

/** What a submit did (or, with dryRun, would do). */
export interface AzureSubmitReport {
  readonly attach: readonly AttachSummary[];
  readonly upload?: UploadResult;
  readonly job?: { readonly name: string; readonly created: boolean; readonly status?: string };
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Attach, check, upload, submit, follow. Everything that can refuse (attach conflicts, live
 * constraints, snapshot limits) is checked before any request that changes state; a rerun with the
 * same submission id re-attaches nothing, re-uploads nothing and finds the job it created.
 */
export async function submitToAzure(ir: PipelineIR, options: AzureSubmitOptions): Promise<AzureSubmitReport> {
  const report = await submitWithSecrets(ir, options);
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
  const plan = await planAttach(ir, client, target, {
    env: options.env,
    ...(options.reattach ? { reattach: true } : {}),
  });
  const checks = options.attachOnly ? [] : await liveChecks(ir, client, target, plan.existing, plan.actions);
  const diagnostics = [...plan.diagnostics, ...checks];
  for (const a of plan.actions) log(`compute ${a.compute}: ${a.action} (${a.reason})`);
  if (diagnostics.some((d) => d.severity === "error")) return { attach: plan.actions, diagnostics };

  const store = target.endpoint ? emulatorBlobStore(target.endpoint) : undefined;
  let upload:
    | (UploadResult & { tooLarge: { directory: string; bytes: number; largest: string[] }[] })
    | undefined;
  if (!options.attachOnly) {
    if (store) {
      upload = await uploadSnapshots(ir, options.root, store, true);
      if (upload.tooLarge.length > 0) {
        return {
          attach: plan.actions,
          diagnostics: upload.tooLarge.map((t) =>
            diagnostic(
              "AP601",
              `source directory "${t.directory}" is ${(t.bytes / 1048576).toFixed(0)} MB, over Azure ML's 300 MB snapshot limit; largest: ${t.largest.join(", ")}`,
              { hint: "list large files in .amlignore" },
            ),
          ),
        };
      }
      log(
        `snapshot: ${upload.files} files, ${upload.bytes} bytes; ${upload.uploadedFiles} files (${upload.uploadedBytes} bytes) to upload`,
      );
    } else {
      log(
        "snapshot: uploading to the workspace's default blob datastore is not implemented in this version; submitting references the code paths only",
      );
    }
  }
  if (options.dryRun) {
    log(
      options.attachOnly
        ? "dry run: nothing was attached"
        : `dry run: would submit a pipeline job for "${ir.name}"; nothing was changed`,
    );
    return { attach: plan.actions, ...(upload ? { upload } : {}), diagnostics };
  }
  await applyAttach(plan.actions, client, target, log, options.pollMs);
  if (options.attachOnly) return { attach: plan.actions, diagnostics };
  if (store) upload = await uploadSnapshots(ir, options.root, store);
  const submissionId = options.submissionId ?? "default";
  const job = await submitPipeline(ir, client, target, {
    submissionId,
    outputToRoot: relative(options.compiledDir, options.root).split("\\").join("/") || ".",
    tags: { ...gitFacts(options.root), ...options.tags },
    ...(options.params ? { params: options.params } : {}),
  });
  log(
    job.created
      ? `submitted job ${job.name}`
      : `job ${job.name} of this submission exists already: not submitted again`,
  );
  let status: string | undefined;
  if (options.wait) {
    status = await followJob(client, target, job.name, (s) => log(`job ${job.name}: ${s}`), {
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const cancel =
      status === "Interrupted" &&
      (options.cancelOnInterrupt || (await options.confirmCancel?.(job.name)) === true);
    if (cancel) {
      log(`canceling job ${job.name}...`);
      await client.jobs.beginCancelAndWait(target.resourceGroup, target.workspace, job.name, {
        updateIntervalInMs: options.pollMs ?? 5000,
      });
      status = "Canceled";
    } else if (status === "Interrupted") {
      log(
        `stopped following; job ${job.name} keeps running (pass --cancel-on-interrupt to cancel it on Ctrl-C)`,
      );
    }
  }
  return {
    attach: plan.actions,
    ...(upload ? { upload } : {}),
    job: { ...job, ...(status ? { status } : {}) },
    diagnostics,
  };
}

/** Detaches a compute from the workspace; the Azure resource itself is never deleted. */
export async function detachFromAzure(
  name: string,
  target: WorkspaceTarget,
  pollMs = 5000,
  retry?: AzureSubmitOptions["retry"],
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
