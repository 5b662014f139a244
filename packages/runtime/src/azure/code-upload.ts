import { basename, join, resolve } from "node:path";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { TokenCredential } from "@azure/core-auth";
import type { ContainerClient } from "@azure/storage-blob";
import { type Snapshot, takeSnapshot } from "../snapshot/take-snapshot.js";
import type { WorkspaceTarget } from "./create-client.js";

/** Where uploaded code lives in the default datastore's container (the official SDK's `LocalUpload`). */
export const UPLOAD_ROOT = "LocalUpload";
/** The metadata the official SDK sets on uploaded blobs once the upload is complete. */
export const UPLOAD_CONFIRMATION = { upload_status: "completed" } as const;

/** The workspace's default blob datastore, as a submit uploads to it. */
export interface DefaultDatastore {
  readonly name: string;
  readonly accountName: string;
  readonly containerName: string;
  /** Storage suffix of the cloud (`core.windows.net`). */
  readonly endpoint: string;
  readonly protocol: string;
  /** `AccountKey`, `Sas`, or `None` (identity-based: the caller's token). */
  readonly credentialsType: string;
}

/** One source directory to upload: its snapshot and where it goes. */
export interface CodeFolder {
  /** Root-relative source directory, as the IR names it. */
  readonly directory: string;
  readonly snapshot: Snapshot;
  /** `LocalUpload/<hash>/<dirname>`: the blob folder of this content. */
  readonly prefix: string;
  /** The folder's URL as the service reads it (`codeUri` of the code version). */
  readonly codeUri: string;
}

/** Reads the default datastore (`GET datastores?isDefault=true`). */
export async function defaultDatastore(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
): Promise<DefaultDatastore | undefined> {
  for await (const d of client.datastores.list(target.resourceGroup, target.workspace, { isDefault: true })) {
    const p = d.properties as unknown as Record<string, unknown>;
    if (p.datastoreType !== "AzureBlob") continue;
    return blobDatastore(d.name ?? "workspaceblobstore", p);
  }
  return undefined;
}

/** A blob datastore's ARM properties as what uploads and downloads need (account, container, credentials). */
export function blobDatastore(name: string, p: Record<string, unknown>): DefaultDatastore {
  return {
    name,
    accountName: String(p.accountName),
    containerName: String(p.containerName),
    endpoint: String(p.endpoint ?? "core.windows.net"),
    protocol: String(p.protocol ?? "https"),
    credentialsType: String(
      (p.credentials as { credentialsType?: string } | undefined)?.credentialsType ?? "None",
    ),
  };
}

/** Snapshots each distinct source directory once, naming its blob folder after its content hash. */
export async function codeFolders(
  directories: readonly string[],
  root: string,
  datastore: DefaultDatastore,
): Promise<CodeFolder[]> {
  const folders: CodeFolder[] = [];
  for (const directory of [...new Set(directories)]) {
    const snapshot = await takeSnapshot(resolve(root, directory));
    const name = basename(resolve(root, directory)) || "code";
    const prefix = `${UPLOAD_ROOT}/${snapshot.sha256.slice(0, 32)}/${name}`;
    const codeUri = `${datastore.protocol}://${datastore.accountName}.blob.${datastore.endpoint}/${datastore.containerName}/${prefix}`;
    folders.push({ directory, snapshot, prefix, codeUri });
  }
  return folders;
}

/**
 * The default datastore's container, signed in as the datastore says: its account key or SAS token
 * (`listSecrets`), or the caller's identity. Against the emulator, blobs go through its port
 * (path-style, as Azurite serves them).
 */
export async function containerClient(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  datastore: DefaultDatastore,
  credential: () => Promise<TokenCredential>,
): Promise<ContainerClient> {
  const { BlobServiceClient, StorageSharedKeyCredential, AnonymousCredential } = await import(
    "@azure/storage-blob"
  );
  const service = target.emulator
    ? `${target.emulator.replace(/\/+$/, "")}/${datastore.accountName}`
    : `${datastore.protocol}://${datastore.accountName}.blob.${datastore.endpoint}`;
  if (datastore.credentialsType === "None")
    return new BlobServiceClient(service, await credential()).getContainerClient(datastore.containerName);
  const secrets = (await client.datastores.listSecrets(
    target.resourceGroup,
    target.workspace,
    datastore.name,
  )) as unknown as {
    key?: string;
    sasToken?: string;
  };
  if (secrets.key)
    return new BlobServiceClient(
      service,
      new StorageSharedKeyCredential(datastore.accountName, secrets.key),
    ).getContainerClient(datastore.containerName);
  if (secrets.sasToken)
    return new BlobServiceClient(
      `${service}?${secrets.sasToken.replace(/^\?/, "")}`,
      new AnonymousCredential(),
    ).getContainerClient(datastore.containerName);
  throw new Error(`the default datastore "${datastore.name}" gave no account key or SAS token (listSecrets)`);
}

/** Whether a folder is uploaded already: every file there, each confirmed complete (one list call per page). */
export async function isUploaded(container: ContainerClient, folder: CodeFolder): Promise<boolean> {
  const present = new Set<string>();
  for await (const blob of container.listBlobsFlat({ prefix: `${folder.prefix}/`, includeMetadata: true }))
    if (blob.metadata?.upload_status === UPLOAD_CONFIRMATION.upload_status) present.add(blob.name);
  return folder.snapshot.files.every((f) => present.has(`${folder.prefix}/${f.path}`));
}

/** Progress of an upload: files and bytes done of the total. */
export interface UploadProgress {
  readonly directory: string;
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/**
 * Uploads a folder's files (a few at a time), each carrying the confirmation metadata, so that an
 * interrupted upload is finished by the next submit and a complete one is never sent again.
 */
export async function uploadFolder(
  container: ContainerClient,
  root: string,
  folder: CodeFolder,
  onProgress: (progress: UploadProgress) => void,
): Promise<void> {
  const absolute = resolve(root, folder.directory);
  const queue = [...folder.snapshot.files];
  let files = 0;
  let bytes = 0;
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await container
        .getBlockBlobClient(`${folder.prefix}/${file.path}`)
        .uploadFile(join(absolute, file.path), {
          metadata: { ...UPLOAD_CONFIRMATION, name: folder.snapshot.sha256.slice(0, 32), version: "1" },
        });
      files++;
      bytes += file.size;
      onProgress({
        directory: folder.directory,
        files,
        totalFiles: folder.snapshot.files.length,
        bytes,
        totalBytes: folder.snapshot.bytes,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
}
