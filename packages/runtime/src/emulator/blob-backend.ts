import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";

/** The storage account Azurite serves, with its published development key. */
export const AZURITE_ACCOUNT = "devstoreaccount1";
// Azurite's well-known development key (published in Azurite's README; not a secret of anyone's).
const AZURITE_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** The blob storage behind the emulator's default datastore: Azurite, in-process or at a given URL. */
export interface BlobBackend {
  /** The account's blob service URL (path-style, as Azurite serves it). */
  readonly serviceUrl: string;
  readonly accountName: string;
  /** The account key that `listSecrets` hands out, as Azure ML hands out a datastore's key. */
  readonly accountKey: string;
  /** Passes a Blob REST request that reached the emulator on to the storage, unchanged. */
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void;
  /** Creates the container when it does not exist. */
  ensureContainer(name: string): Promise<void>;
  /** Whether any blob exists under a folder (a code asset's upload). */
  hasFolder(container: string, prefix: string): Promise<boolean>;
  /** The names of the blobs in a container (for tests and `--verbose`). */
  listBlobs(container: string, prefix?: string): Promise<string[]>;
  /** One blob's content. */
  readBlob(container: string, name: string): Promise<Buffer>;
  /** Writes one blob (a job's outputs), replacing it when it exists. */
  writeBlob(container: string, name: string, content: string): Promise<void>;
  /** Appends text to an append blob (a job's log), creating it when it does not exist. */
  appendBlob(container: string, name: string, content: string): Promise<void>;
  /** Deletes the blobs under a prefix (tests use it to lose an upload). */
  deleteBlobs(container: string, prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startBlobBackend}. */
export interface BlobBackendOptions {
  /** An Azurite (or Blob REST) service URL that is already running, e.g. `http://127.0.0.1:10000/devstoreaccount1`. */
  readonly blobEndpoint?: string;
  /** Its account key (default: Azurite's development key). */
  readonly accountKey?: string;
  /** Keep blobs in this folder (with `--state`); in memory otherwise. */
  readonly location?: string;
}

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

type AzuriteModule = { default?: unknown } & Record<string, unknown>;

/** The default export of one of Azurite's CommonJS modules, however the loader wraps it. */
function defaultExport(module: AzuriteModule): new (...args: unknown[]) => unknown {
  return (module.default ?? module) as new (
    ...args: unknown[]
  ) => unknown;
}

/** Starts Azurite's blob service in this process on a free port (no child process to leak). */
async function startAzurite(location: string | undefined): Promise<AzuriteServer> {
  let serverModule: AzuriteModule;
  let configModule: AzuriteModule;
  try {
    // Azurite is CommonJS and optional: loaded with require, only when the emulator starts.
    const require = createRequire(import.meta.url);
    serverModule = require("azurite/dist/src/blob/BlobServer.js") as AzuriteModule;
    configModule = require("azurite/dist/src/blob/BlobConfiguration.js") as AzuriteModule;
  } catch (error) {
    if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
    throw new Error(
      "the emulator keeps uploads in Azurite, the official Azure Storage emulator, which is not installed: run `npm install --save-dev azurite` (an optional peer dependency of amlpipe), or start Azurite yourself and pass --blob-endpoint http://127.0.0.1:10000/devstoreaccount1",
    );
  }
  const BlobServer = defaultExport(serverModule);
  const BlobConfiguration = defaultExport(configModule);
  const persistence = location
    ? [
        join(location, "blob-metadata.json"),
        join(location, "blob-extents.json"),
        [{ locationId: "Default", locationPath: join(location, "blobs"), maxConcurrency: 10 }],
      ]
    : [undefined, undefined, undefined];
  // host, port, keepAlive, metadata db, extent db, persistence, access log, log stream, debug log, log
  // file, loose, skipApiVersionCheck (the SDK may be newer than Azurite), cert, key, pwd, oauth,
  // product-style URLs, in-memory.
  const configuration = new BlobConfiguration(
    "127.0.0.1",
    0,
    undefined,
    ...persistence,
    false,
    undefined,
    false,
    undefined,
    false,
    true,
    "",
    "",
    "",
    undefined,
    false,
    location === undefined,
  );
  const server = new BlobServer(configuration) as AzuriteServer;
  await server.start();
  return server;
}

/**
 * The emulator's blob storage. With `blobEndpoint` it uses that service; otherwise it starts Azurite
 * in-process. Blob requests reach it through the emulator (so faults can be injected on them too).
 */
export async function startBlobBackend(options: BlobBackendOptions = {}): Promise<BlobBackend> {
  const { BlobServiceClient, StorageSharedKeyCredential } = await import("@azure/storage-blob");
  const azurite = options.blobEndpoint ? undefined : await startAzurite(options.location);
  const serviceUrl =
    options.blobEndpoint?.replace(/\/+$/, "") ?? `${azurite?.getHttpServerAddress()}/${AZURITE_ACCOUNT}`;
  const accountName = new URL(serviceUrl).pathname.split("/")[1] || AZURITE_ACCOUNT;
  const accountKey = options.accountKey ?? AZURITE_KEY;
  const service = new BlobServiceClient(serviceUrl, new StorageSharedKeyCredential(accountName, accountKey));
  const target = new URL(serviceUrl);
  return {
    serviceUrl,
    accountName,
    accountKey,
    forward(req, res, body) {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => req.socket.destroy());
      upstream.end(body);
    },
    async ensureContainer(name) {
      await service.getContainerClient(name).createIfNotExists();
    },
    async hasFolder(container, prefix) {
      const folder = prefix.endsWith("/") ? prefix : `${prefix}/`;
      for await (const _ of service.getContainerClient(container).listBlobsFlat({ prefix: folder }))
        return true;
      return false;
    },
    async listBlobs(container, prefix) {
      const names: string[] = [];
      for await (const blob of service.getContainerClient(container).listBlobsFlat(prefix ? { prefix } : {}))
        names.push(blob.name);
      return names;
    },
    async readBlob(container, name) {
      return service.getContainerClient(container).getBlobClient(name).downloadToBuffer();
    },
    async writeBlob(container, name, content) {
      await service
        .getContainerClient(container)
        .getBlockBlobClient(name)
        .upload(content, Buffer.byteLength(content));
    },
    async appendBlob(container, name, content) {
      const blob = service.getContainerClient(container).getAppendBlobClient(name);
      await blob.createIfNotExists();
      await blob.appendBlock(content, Buffer.byteLength(content));
    },
    async deleteBlobs(container, prefix) {
      const client = service.getContainerClient(container);
      for await (const blob of client.listBlobsFlat({ prefix })) await client.deleteBlob(blob.name);
    },
    close: async () => {
      await azurite?.close();
    },
  };
}
