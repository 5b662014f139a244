import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ArmRefusal, armError, readBody, send } from "./arm-http.js";
import { SUPPORTED_API_VERSIONS } from "./arm-validator.js";
import { assetRoute } from "./asset-routes.js";
import { type BlobBackend, startBlobBackend } from "./blob-backend.js";
import { ARTIFACT_CONTAINER, ARTIFACT_DATASTORE } from "./command-job.js";
import { computeRoute } from "./compute-routes.js";
import { DEFAULT_DATASTORE, datastoreRoute } from "./datastore-routes.js";
import {
  type AssetCollection,
  type EmulatorSeed,
  EmulatorState,
  type Fault,
  type WorkspaceState,
} from "./emulator-state.js";
import { jobRoute } from "./job-routes.js";
import { isKeyVaultRequest, keyVaultRoute } from "./key-vault-route.js";
import { pollOperation } from "./operations.js";
import { type RouteContext, withoutSecrets } from "./resource-routes.js";

const WORKSPACE =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)(?:\/([^/]+)(?:\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?)?)?$/i;

/** The region every emulated workspace is in. */
export const EMULATOR_LOCATION = "westeurope";

/** Curated environments every workspace has (as Azure ML's curated ones); add others with a seed. */
const CURATED: Readonly<Record<string, readonly string[]>> = {
  "AzureML-sklearn-1.5": ["1", "2", "3"],
  "AzureML-sklearn-1.0-ubuntu20.04-py38-cpu": ["1"],
  "AzureML-lightgbm-3.3": ["1"],
  "AzureML-pytorch-1.10-ubuntu18.04-py38-cuda11-gpu": ["1"],
};

/** A running emulator: its base URL, its state (for tests) and how to stop it. */
export interface RunningEmulator {
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorState;
  /** The blob storage behind the default datastore. */
  readonly blobs: BlobBackend;
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

/** Options of {@link startArmEmulator}. */
export interface EmulatorOptions {
  readonly port?: number;
  readonly stateDir?: string;
  /** Use this Blob REST service (e.g. an Azurite started elsewhere) instead of starting Azurite in-process. */
  readonly blobEndpoint?: string;
  /** Lists answer at most this many items per page, with `nextLink` for the rest. @default 10 */
  readonly pageSize?: number;
  /** Seconds a poll of an operation in progress is told to wait (`Retry-After`). @default 1 */
  readonly retryAfterSeconds?: number;
  /** Datastores and environments every workspace starts with. */
  readonly seed?: EmulatorSeed;
}

function makeWorkspaceFactory(blobs: BlobBackend, seed: EmulatorSeed | undefined) {
  return (sub: string, rg: string, ws: string): WorkspaceState => {
    const idBase = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}`;
    const datastore = (name: string, properties: Record<string, unknown>) => ({
      id: `${idBase}/datastores/${name}`,
      name,
      type: "Microsoft.MachineLearningServices/workspaces/datastores",
      properties,
    });
    const environments: WorkspaceState["environments"] = {};
    for (const [name, versions] of Object.entries({ ...CURATED, ...seed?.environments }))
      environments[name] = Object.fromEntries(
        versions.map((v) => [
          v,
          {
            id: `${idBase}/environments/${name}/versions/${v}`,
            name: v,
            type: "Microsoft.MachineLearningServices/workspaces/environments/versions",
            properties: { image: "mcr.microsoft.com/azureml/curated", isAnonymous: false },
          },
        ]),
      );
    const computes = Object.fromEntries(
      Object.entries(seed?.computes ?? {}).map(([name, properties]) => [
        name,
        {
          id: `${idBase}/computes/${name}`,
          name,
          type: "Microsoft.MachineLearningServices/workspaces/computes",
          location: EMULATOR_LOCATION,
          properties: {
            ...properties,
            isAttachedCompute:
              properties.computeType !== "AmlCompute" && properties.computeType !== "ComputeInstance",
            provisioningState: "Succeeded",
          },
        },
      ]),
    );
    return {
      computes,
      jobs: {},
      codes: {},
      components: {},
      environments,
      datastores: {
        ...Object.fromEntries(
          Object.entries(seed?.datastores ?? {}).map(([n, p]) => [
            n,
            datastore(n, { ...p, isDefault: false }),
          ]),
        ),
        // Every workspace's second blob store: run logs and outputs (ExperimentRun/dcid.<job>/...).
        [ARTIFACT_DATASTORE]: datastore(ARTIFACT_DATASTORE, {
          datastoreType: "AzureBlob",
          accountName: blobs.accountName,
          containerName: ARTIFACT_CONTAINER,
          endpoint: "core.windows.net",
          protocol: "https",
          isDefault: false,
          credentials: { credentialsType: "AccountKey" },
        }),
        [DEFAULT_DATASTORE]: datastore(DEFAULT_DATASTORE, {
          datastoreType: "AzureBlob",
          accountName: blobs.accountName,
          containerName: containerOf(ws),
          endpoint: "core.windows.net",
          protocol: "https",
          isDefault: true,
          credentials: { credentialsType: "AccountKey" },
        }),
      },
    };
  };
}

/** The blob container of a workspace's default datastore (Azure names it after the workspace id). */
function containerOf(ws: string): string {
  return `azureml-blobstore-${
    ws
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "")
      .slice(0, 40) || "ws"
  }`;
}

/** Refuses a request without a supported api-version, as ARM does. */
function checkApiVersion(url: URL): void {
  const version = url.searchParams.get("api-version");
  if (version === null)
    throw new ArmRefusal(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(version))
    throw new ArmRefusal(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions are '${SUPPORTED_API_VERSIONS.join("', '")}'.`,
    );
}

/** Keeps a request body for tests (secrets removed); only the last 2,000, so a long rehearsal stays small. */
function recordBody(state: EmulatorState, request: string, body: Buffer): void {
  if (state.bodies.length >= 2000) state.bodies.splice(0, state.bodies.length - 1999);
  try {
    state.bodies.push({ request, body: withoutSecrets(JSON.parse(body.toString() || "null")) });
  } catch {
    state.bodies.push({ request, body: body.toString() });
  }
}

/** The parts of a workspace path: `.../workspaces/<ws>[/<collection>[/<name>[/<third>[/<fourth>]]]]`. */
interface WorkspacePath {
  readonly sub: string;
  readonly rg: string;
  readonly wsName: string;
  readonly collection: string | undefined;
  readonly name: string | undefined;
  readonly third: string | undefined;
  readonly fourth: string | undefined;
}

/** Hands a workspace request to the route of its collection; the workspace itself answers GET. */
function routeWorkspace(
  ctx: RouteContext,
  request: string,
  path: WorkspacePath,
): Promise<undefined> | undefined {
  const { collection, name, third, fourth } = path;
  if (!collection) {
    if (ctx.method !== "GET") return armError(ctx.res, 405, "MethodNotAllowed", request);
    return send(ctx.res, 200, {
      id: ctx.idBase,
      name: path.wsName,
      type: "Microsoft.MachineLearningServices/workspaces",
      location: EMULATOR_LOCATION,
      properties: {
        provisioningState: "Succeeded",
        storageAccount: `/subscriptions/${path.sub}/resourceGroups/${path.rg}/providers/Microsoft.Storage/storageAccounts/${ctx.blobs.accountName}`,
        discoveryUrl: `${ctx.base}/discovery`,
        workspaceId: path.wsName,
      },
    });
  }
  if (collection === "computes" && !third) return computeRoute(ctx, name);
  if (collection === "datastores" && !fourth) return datastoreRoute(ctx, name, third);
  if (collection === "jobs" && !fourth) return jobRoute(ctx, name, third);
  if (["codes", "components", "environments"].includes(collection) && name && third === "versions")
    return assetRoute(ctx, collection as AssetCollection, name, fourth);
  return armError(ctx.res, 404, "NotFound", `no route for ${request}`);
}

/** Makes a response go nowhere: the request is carried out, but its answer is lost on the way back. */
function loseResponse(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead = (() => res) as typeof res.writeHead;
  res.write = (() => true) as typeof res.write;
  res.end = (() => {
    req.socket.destroy();
    return res;
  }) as typeof res.end;
}

/**
 * A local stand-in for the Azure ML management API (ARM), as Azurite is for Storage: real HTTP that
 * the real `@azure/arm-machinelearning` client talks to, holding requests to the official definitions
 * of api-version 2022-10-01 and pipeline nodes to the REST shape the official SDK sends. The default
 * datastore is a real blob container (Azurite, in-process, or `blobEndpoint`), reached through the
 * emulator's own port (`/<account>/...`, path-style) so that faults reach uploads too. Computes attach
 * and detach through long-running operations; jobs move NotStarted -> Queued -> Preparing -> Running
 * -> Finalizing -> Completed as they are polled, and fail when their code is not in storage. Faults
 * (429, 500, 403, reset, lost response, failed operation) can be queued. Listens on 127.0.0.1 only.
 */
export async function startArmEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const blobs = await startBlobBackend({
    ...(options.blobEndpoint ? { blobEndpoint: options.blobEndpoint } : {}),
    ...(options.stateDir ? { location: join(options.stateDir, "blobs") } : {}),
  });
  const state = new EmulatorState(options.stateDir, makeWorkspaceFactory(blobs, options.seed));
  const containers = new Map<string, Promise<void>>();
  let base = "";

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    const request = `${method} ${url.pathname}`;
    state.requests.push(request);
    const fault = url.pathname.startsWith("/amlpipe-emulator/faults") ? undefined : state.takeFault(request);
    if (fault?.kind === "reset") return void req.socket.destroy();
    if (fault?.kind === "lost-response") loseResponse(req, res);
    if (fault?.kind === "429")
      return send(
        res,
        429,
        { error: { code: "TooManyRequests", message: "emulated throttling" } },
        { "retry-after": String(fault.retryAfterSeconds ?? 0) },
      );
    if (fault?.kind === "500") return armError(res, 500, "InternalServerError", "emulated server error");
    if (fault?.kind === "403")
      return armError(
        res,
        403,
        "AuthorizationFailed",
        `The client does not have authorization to perform ${request} (emulated).`,
      );
    const body = await readBody(req);
    if (url.pathname.startsWith(`/${blobs.accountName}/`) || url.pathname === `/${blobs.accountName}`)
      return blobs.forward(req, res, body);
    if (url.pathname === "/amlpipe-emulator/faults" && method === "POST") {
      state.faults.push(...(JSON.parse(body.toString() || "[]") as Fault[]));
      return send(res, 204);
    }
    if (url.pathname === "/amlpipe-emulator/requests") return send(res, 200, state.requests);
    if (isKeyVaultRequest(url.pathname)) return keyVaultRoute(res, url, options.seed?.keyVaults ?? {});
    const operation = /^\/amlpipe-emulator\/operations\/([\w-]+)$/.exec(url.pathname);
    if (operation?.[1]) return pollOperation(state, operation[1], res, options.retryAfterSeconds ?? 1);

    const match = WORKSPACE.exec(url.pathname);
    if (!match) return armError(res, 404, "NotFound", `no route for ${request}`);
    const [, sub = "", rg = "", wsName = "", collection, name, third, fourth] = match;
    if (collection === "providers" && name === "Microsoft.Authorization" && third === "permissions")
      return send(res, 200, { value: [options.seed?.permissions ?? { actions: ["*"], notActions: [] }] });
    checkApiVersion(url);
    const ws = state.workspace(sub, rg, wsName);
    const container = containerOf(wsName);
    if (!containers.has(container)) containers.set(container, blobs.ensureContainer(container));
    await containers.get(container);
    if (method === "PUT" || method === "POST") recordBody(state, request, body);
    const idBase = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${wsName}`;
    const ctx: RouteContext = {
      state,
      ws,
      idBase,
      base,
      url,
      method,
      body,
      res,
      fault,
      blobs,
      pageSize: options.pageSize ?? 10,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
      location: EMULATOR_LOCATION,
    };
    return routeWorkspace(ctx, request, { sub, rg, wsName, collection, name, third, fourth });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof ArmRefusal) return armError(res, e.status, e.code, e.message);
      armError(res, 500, "EmulatorError", String(e));
    });
  });
  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, "127.0.0.1", resolvePromise));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    state,
    blobs,
    injectFaults: (...faults) => state.faults.push(...faults),
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => {
          void blobs.close().then(() => resolvePromise());
        });
      }),
  };
}
