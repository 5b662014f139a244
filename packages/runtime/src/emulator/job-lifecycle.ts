import type { BlobBackend } from "./blob-backend.js";
import type { JobResource, WorkspaceState } from "./emulator-state.js";
import { assetOfId } from "./job-references.js";
import { isStepRun } from "./pipeline-step-runs.js";

/** The order Azure ML moves a job through (mfe.json `JobStatus`), one step per poll here. */
const LIFECYCLE = ["NotStarted", "Queued", "Preparing", "Running", "Finalizing", "Completed"] as const;
const FINAL = new Set(["Completed", "Failed", "Canceled"]);

/** `properties.properties` of a job: string facts, where the emulator also records times and failures. */
function facts(job: JobResource): Record<string, string> {
  job.properties.properties ??= {};
  return job.properties.properties as Record<string, string>;
}

/** The blob folders a job's code lives in: each node's component's code version's `codeUri`. */
function codeFolders(ws: WorkspaceState, job: JobResource): { node: string; uri: string | undefined }[] {
  if (typeof job.properties.codeId === "string") {
    const code = assetOfId(job.properties.codeId, "codes");
    const uri = code
      ? (ws.codes[code.name]?.[code.version]?.properties.codeUri as string | undefined)
      : undefined;
    return [{ node: job.name, uri }];
  }
  const jobs = (job.properties.jobs ?? {}) as Record<string, { componentId?: string }>;
  return Object.entries(jobs).flatMap(([node, n]) => {
    const component = assetOfId(n.componentId ?? "", "components");
    const spec = component
      ? (ws.components[component.name]?.[component.version]?.properties.componentSpec as
          | Record<string, unknown>
          | undefined)
      : undefined;
    const codeRef = (spec?.code ?? (spec?.task as { code?: unknown } | undefined)?.code) as
      | string
      | undefined;
    if (!codeRef) return [];
    const code = assetOfId(codeRef, "codes");
    const uri = code
      ? (ws.codes[code.name]?.[code.version]?.properties.codeUri as string | undefined)
      : undefined;
    return [{ node, uri }];
  });
}

/** A blob URL (`https://<account>.blob.<suffix>/<container>/<path>` or path-style) as container and path. */
function blobLocation(uri: string): { container: string; path: string } | undefined {
  const url = new URL(uri);
  const parts = url.pathname.split("/").filter(Boolean);
  // Path-style URLs (Azurite, IP hosts) put the account first.
  const start = /^\d+\.\d+\.\d+\.\d+$|^localhost$/.test(url.hostname) ? 1 : 0;
  const container = parts[start];
  return container ? { container, path: parts.slice(start + 1).join("/") } : undefined;
}

/** Why the job cannot run: a step whose code is not in storage (empty when all is there). */
async function missingCode(
  ws: WorkspaceState,
  job: JobResource,
  blobs: BlobBackend,
): Promise<string | undefined> {
  for (const { node, uri } of codeFolders(ws, job)) {
    const location = uri ? blobLocation(uri) : undefined;
    if (!location || !(await blobs.hasFolder(location.container, location.path)))
      return `the code of job "${node}" is not in storage (${uri ?? "no codeUri"})`;
  }
  return undefined;
}

/**
 * Moves a job one state on, as a poll finds it: NotStarted -> Queued -> Preparing -> Running ->
 * Finalizing -> Completed. It fails when it starts running without its code in storage, or when it is
 * tagged `amlpipe.emulator.outcome: Failed`; a cancel request ends it Canceled. True when it moved.
 */
export async function advanceJob(ws: WorkspaceState, job: JobResource, blobs: BlobBackend): Promise<boolean> {
  const status = String(job.properties.status);
  // A step run moves with its pipeline job (syncStepRuns), not on its own polls.
  if (FINAL.has(status) || isStepRun(job)) return false;
  const now = new Date().toISOString();
  if (status === "CancelRequested") {
    job.properties.status = "Canceled";
    facts(job)["amlpipe.emulator.endTime"] = now;
    return true;
  }
  const next = LIFECYCLE[LIFECYCLE.indexOf(status as (typeof LIFECYCLE)[number]) + 1] ?? "Completed";
  if (next === "Running") {
    facts(job)["amlpipe.emulator.startTime"] = now;
    const missing = await missingCode(ws, job, blobs);
    if (missing) {
      job.properties.status = "Failed";
      facts(job)["amlpipe.emulator.failure"] = missing;
      facts(job)["amlpipe.emulator.endTime"] = now;
      return true;
    }
  }
  const tags = (job.properties.tags ?? {}) as Record<string, string>;
  job.properties.status =
    next === "Completed" && tags["amlpipe.emulator.outcome"] === "Failed" ? "Failed" : next;
  if (job.properties.status === "Failed")
    facts(job)["amlpipe.emulator.failure"] ??= "tagged amlpipe.emulator.outcome=Failed";
  if (FINAL.has(String(job.properties.status))) facts(job)["amlpipe.emulator.endTime"] = now;
  return true;
}
