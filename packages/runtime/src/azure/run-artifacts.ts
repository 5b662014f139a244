import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { TokenCredential } from "@azure/core-auth";
import type { ContainerClient } from "@azure/storage-blob";
import { below } from "../fs/path-guard.js";
import { blobDatastore, containerClient } from "./code-upload.js";
import type { WorkspaceTarget } from "./create-client.js";

/** The datastore every workspace keeps run logs and `outputs/` in. */
export const ARTIFACT_DATASTORE = "workspaceartifactstore";

/** A job's folder in the artifact store: `ExperimentRun/dcid.<job>/` (where Azure ML writes a run's files). */
export function runFolder(jobName: string): string {
  return `ExperimentRun/dcid.${jobName}`;
}

/** The artifact store's container, signed in as its datastore says (its key, SAS, or the caller). */
export async function artifactContainer(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  credential: () => Promise<TokenCredential>,
): Promise<ContainerClient> {
  const d = await client.datastores.get(target.resourceGroup, target.workspace, ARTIFACT_DATASTORE);
  const store = blobDatastore(ARTIFACT_DATASTORE, d.properties as unknown as Record<string, unknown>);
  return containerClient(client, target, store, credential);
}

/**
 * Follows one log of a job (by default a command job's `user_logs/std_log.txt`): each call returns
 * the complete lines written since the last one (none while the log does not exist yet), reading only
 * the bytes not seen yet.
 */
export function logFollower(
  container: ContainerClient,
  jobName: string,
  log = "user_logs/std_log.txt",
): () => Promise<string[]> {
  let seen = 0;
  const blob = container.getBlobClient(`${runFolder(jobName)}/${log}`);
  return async () => {
    if (!(await blob.exists())) return [];
    const size = (await blob.getProperties()).contentLength ?? 0;
    if (size <= seen) return [];
    const fresh = (await blob.downloadToBuffer(seen, size - seen)).toString("utf8");
    const end = fresh.lastIndexOf("\n");
    if (end < 0) return [];
    seen += Buffer.byteLength(fresh.slice(0, end + 1));
    return fresh.slice(0, end).split("\n");
  };
}

/**
 * Downloads what a job wrote to `outputs/` into `into` (kept below it: a blob name that climbs out
 * is refused, not written). Returns the files written, relative to `into`.
 */
export async function downloadOutputs(
  container: ContainerClient,
  jobName: string,
  into: string,
): Promise<string[]> {
  const prefix = `${runFolder(jobName)}/outputs/`;
  const written: string[] = [];
  for await (const item of container.listBlobsFlat({ prefix })) {
    const relative = item.name.slice(prefix.length);
    if (relative === "" || relative.endsWith("/")) continue;
    const path = below(into, ...relative.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    await container.getBlobClient(item.name).downloadToFile(path);
    written.push(relative);
  }
  return written;
}
