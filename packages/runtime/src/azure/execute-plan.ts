import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { TokenCredential } from "@azure/core-auth";
import { armUrl } from "./arm-ids.js";
import { containerClient, isUploaded, type UploadProgress, uploadFolder } from "./code-upload.js";
import { armEndpointOf, type WorkspaceTarget } from "./create-client.js";
import { sendJson } from "./raw-request.js";
import type { AssetRegistration, JobPlan } from "./submit-plan.js";

/** What carrying out a job plan did. */
export interface PlanOutcome {
  readonly uploadedFolders: number;
  readonly uploadedFiles: number;
  readonly uploadedBytes: number;
  readonly registered: readonly string[];
  /** The job, and its Studio page when the service gives one (`services.Studio.endpoint`). */
  readonly job: { readonly name: string; readonly created: boolean; readonly studio?: string };
}

/** A job body's Studio link, if it has one. */
function studioOf(body: unknown): { studio?: string } {
  const endpoint = (body as { properties?: { services?: { Studio?: { endpoint?: string } } } } | undefined)
    ?.properties?.services?.Studio?.endpoint;
  return endpoint ? { studio: endpoint } : {};
}

async function exists(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  asset: AssetRegistration,
): Promise<boolean> {
  const operations = {
    codes: client.codeVersions,
    components: client.componentVersions,
    environments: client.environmentVersions,
  }[asset.collection];
  try {
    await operations.get(target.resourceGroup, target.workspace, asset.name, asset.version);
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

async function register(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  asset: AssetRegistration,
): Promise<void> {
  const { resourceGroup: rg, workspace: ws } = target;
  if (asset.collection === "codes")
    await client.codeVersions.createOrUpdate(rg, ws, asset.name, asset.version, asset.body);
  else if (asset.collection === "environments")
    await client.environmentVersions.createOrUpdate(rg, ws, asset.name, asset.version, asset.body);
  else await client.componentVersions.createOrUpdate(rg, ws, asset.name, asset.version, asset.body);
}

/**
 * Carries out a job plan in order: upload each code folder that storage lacks, register the asset
 * versions the workspace lacks, then create the job unless it exists. Every step looks before it
 * writes, so a rerun after any failure does only what is left.
 */
export async function executeJobPlan(
  plan: JobPlan,
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  context: { root: string; credential: () => Promise<TokenCredential>; log: (line: string) => void },
): Promise<PlanOutcome> {
  const { log } = context;
  let uploadedFolders = 0;
  let uploadedFiles = 0;
  let uploadedBytes = 0;
  if (plan.datastore && plan.folders.length > 0) {
    const container = await containerClient(client, target, plan.datastore, context.credential);
    for (const folder of plan.folders) {
      if (await isUploaded(container, folder)) {
        log(
          `${"reference" in folder ? "data" : "code"} ${folder.directory}: unchanged, already in storage (${folder.prefix})`,
        );
        continue;
      }
      let shown = -1;
      const report = (p: UploadProgress) => {
        const percent = p.totalBytes === 0 ? 100 : Math.floor((p.bytes / p.totalBytes) * 100);
        if (percent >= shown + 10 || p.files === p.totalFiles) {
          shown = percent;
          log(`uploading ${p.directory}: ${p.files}/${p.totalFiles} files, ${p.bytes}/${p.totalBytes} bytes`);
        }
      };
      await uploadFolder(container, context.root, folder, report);
      uploadedFolders++;
      uploadedFiles += folder.snapshot.files.length;
      uploadedBytes += folder.snapshot.bytes;
    }
  }
  const registered: string[] = [];
  for (const asset of plan.assets) {
    if (await exists(client, target, asset)) continue;
    await register(client, target, asset);
    registered.push(`${asset.collection}/${asset.name}/versions/${asset.version}`);
    log(`registered ${asset.collection.slice(0, -1)} ${asset.name}:${asset.version}`);
  }
  const job = plan.job as NonNullable<JobPlan["job"]>;
  const url = armUrl(armEndpointOf(target), target, `jobs/${job.name}`);
  try {
    const found = await client.jobs.get(target.resourceGroup, target.workspace, job.name);
    return {
      uploadedFolders,
      uploadedFiles,
      uploadedBytes,
      registered,
      job: { name: job.name, created: false, ...studioOf(found) },
    };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  // Exact JSON: the 2.1.1 client would drop parts of this body (see raw-request.ts).
  const created = await sendJson(client, "PUT", url, job.body, target.emulator !== undefined);
  return {
    uploadedFolders,
    uploadedFiles,
    uploadedBytes,
    registered,
    job: { name: job.name, created: true, ...studioOf(created.body) },
  };
}
