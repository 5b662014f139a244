import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ARM_SECRET_PROPERTIES } from "../azure/arm-compute-kinds.js";
import { type ArmResource, EmulatorState, type Fault } from "./emulator-state.js";

const WORKSPACE =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)(?:\/(computes|datastores|jobs)(?:\/([^/]+))?(?:\/(cancel))?)?$/i;

/** A running emulator: its base URL, its state (for tests) and how to stop it. */
export interface RunningEmulator {
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorState;
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", "x-ms-request-id": randomUUID(), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message, details: [] } });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What the emulator keeps of a body: secrets are received but never stored (nor written with --state). */
function redactSecrets(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      ARM_SECRET_PROPERTIES.includes(key) && typeof v === "string" ? "<received>" : v,
    ),
  ) as Record<string, unknown>;
}

/** What GET returns for a compute: as ARM does, secrets are never sent back. */
function withoutSecrets(resource: ArmResource): ArmResource {
  return JSON.parse(
    JSON.stringify(resource, (key, value) => (ARM_SECRET_PROPERTIES.includes(key) ? undefined : value)),
  ) as ArmResource;
}

/**
 * A local stand-in for the Azure ML management API (ARM), as Azurite is for Storage: real HTTP that the
 * real `@azure/arm-machinelearning` client talks to. Any token, subscription, resource group or
 * workspace is accepted; a workspace gets a default blob datastore on first use. Computes attach
 * through long-running operations (201 + Azure-AsyncOperation, polled), jobs move NotStarted ->
 * Running -> Completed as they are polled (a job tagged `amlpipe.emulator.outcome: Failed` fails),
 * snapshot files are stored by content hash, and faults (429, 500, reset, a failed operation) can be
 * queued. Listens on 127.0.0.1 only.
 */
export async function startArmEmulator(
  options: { port?: number; stateDir?: string } = {},
): Promise<RunningEmulator> {
  const state = new EmulatorState(options.stateDir);
  let base = "";

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    const request = `${method} ${url.pathname}`;
    state.requests.push(request);
    const fault = url.pathname.startsWith("/amlpipe-emulator/faults") ? undefined : state.takeFault(request);
    if (fault?.kind === "reset") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "lost-response") {
      // The request is carried out, but its answer never arrives: the client must retry safely.
      res.writeHead = (() => res) as typeof res.writeHead;
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
    }
    if (fault?.kind === "429")
      return send(
        res,
        429,
        { error: { code: "TooManyRequests", message: "emulated throttling" } },
        { "retry-after": String(fault.retryAfterSeconds ?? 0) },
      );
    if (fault?.kind === "500") return error(res, 500, "InternalServerError", "emulated server error");
    const body = await readBody(req);

    if (url.pathname === "/amlpipe-emulator/faults" && method === "POST") {
      state.faults.push(...(JSON.parse(body.toString() || "[]") as Fault[]));
      return send(res, 204);
    }
    if (url.pathname === "/amlpipe-emulator/requests") return send(res, 200, state.requests);
    const blob = /^\/amlpipe-emulator\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob?.[1]) {
      const sha = blob[1];
      if (method === "HEAD" || method === "GET") return send(res, state.blobs[sha] ? 200 : 404);
      if (method === "PUT") {
        if (createHash("sha256").update(body).digest("hex") !== sha)
          return error(res, 400, "HashMismatch", "content does not match its sha256");
        state.blobs[sha] = body.toString("base64");
        state.save();
        return send(res, 201);
      }
    }
    const operation = /^\/amlpipe-emulator\/operations\/([\w-]+)$/.exec(url.pathname);
    if (operation?.[1]) {
      const op = state.operations[operation[1]];
      if (!op) return error(res, 404, "NotFound", "no such operation");
      op.polls++;
      if (op.status === "InProgress" && op.polls >= 1) {
        op.status = op.error ? "Failed" : "Succeeded";
        if (op.status === "Succeeded") op.onSucceed?.();
        state.save();
      }
      return send(res, 200, {
        id: operation[1],
        status: op.status,
        ...(op.error ? { error: op.error } : {}),
      });
    }

    const match = WORKSPACE.exec(url.pathname);
    if (!match) return error(res, 404, "NotFound", `no route for ${request}`);
    const [, sub = "", rg = "", wsName = "", collection, name, action] = match;
    const ws = state.workspace(sub, rg, wsName);
    const idBase = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${wsName}`;
    if (!collection)
      return send(res, 200, {
        id: idBase,
        name: wsName,
        location: "westeurope",
        properties: { provisioningState: "Succeeded" },
      });
    const items = ws[collection as "computes" | "datastores" | "jobs"];
    const startOperation = (fail: boolean, onSucceed: () => void) => {
      const id = randomUUID();
      state.operations[id] = {
        status: "InProgress",
        polls: 0,
        onSucceed,
        ...(fail
          ? { error: { code: "OperationFailed", message: "emulated failure of the long-running operation" } }
          : {}),
      };
      return `${base}/amlpipe-emulator/operations/${id}`;
    };

    if (!name) {
      if (method !== "GET") return error(res, 405, "MethodNotAllowed", request);
      let values = Object.values(items);
      if (collection === "datastores" && url.searchParams.get("isDefault") === "true")
        values = values.filter((d) => d.properties.isDefault === true);
      return send(res, 200, { value: values.map(withoutSecrets) });
    }
    const existing = items[name];
    if (method === "GET")
      return existing
        ? send(res, 200, withoutSecrets(advance(existing, collection)))
        : error(res, 404, "ResourceNotFound", `${collection.slice(0, -1)} "${name}" was not found`);
    if (method === "PUT") {
      const payload = JSON.parse(body.toString() || "{}") as { properties?: Record<string, unknown> };
      const properties = redactSecrets(payload.properties ?? {});
      if (collection === "computes") {
        if (existing && existing.properties.provisioningState !== "Succeeded")
          return error(
            res,
            409,
            "Conflict",
            `compute "${name}" is in a transitional state (${String(existing.properties.provisioningState)})`,
          );
        if (typeof properties.computeType !== "string")
          return error(res, 400, "BadRequest", "properties.computeType is required");
        if (!/^[A-Za-z][A-Za-z0-9-]{0,14}[A-Za-z0-9]$/.test(name))
          return error(
            res,
            400,
            "BadRequest",
            "Compute name is invalid. It can include letters, digits and dashes. It must start with a letter, end with a letter or digit, and be between 2 and 16 characters in length.",
          );
        const resource: ArmResource = {
          id: `${idBase}/computes/${name}`,
          name,
          type: "Microsoft.MachineLearningServices/workspaces/computes",
          location: "westeurope",
          properties: { ...properties, isAttachedCompute: true, provisioningState: "Creating" },
        };
        items[name] = resource;
        const asyncUrl = startOperation(fault?.kind === "async-fail", () => {
          resource.properties.provisioningState = "Succeeded";
        });
        if (fault?.kind === "async-fail") resource.properties.provisioningState = "Failed";
        state.save();
        return send(res, 201, withoutSecrets(resource), { "azure-asyncoperation": asyncUrl });
      }
      if (collection === "jobs" && existing) return send(res, 200, withoutSecrets(existing));
      const resource: ArmResource = {
        id: `${idBase}/${collection}/${name}`,
        name,
        type: `Microsoft.MachineLearningServices/workspaces/${collection}`,
        properties: collection === "jobs" ? { ...properties, status: "NotStarted" } : properties,
      };
      items[name] = resource;
      state.save();
      return send(res, existing ? 200 : 201, withoutSecrets(resource));
    }
    if (method === "DELETE" && collection === "computes") {
      if (!existing) return send(res, 204);
      const asyncUrl = startOperation(fault?.kind === "async-fail", () => {
        delete items[name];
      });
      return send(res, 202, undefined, { "azure-asyncoperation": asyncUrl, location: asyncUrl });
    }
    if (method === "POST" && collection === "jobs" && action === "cancel") {
      if (!existing) return error(res, 404, "ResourceNotFound", `job "${name}" was not found`);
      const asyncUrl = startOperation(false, () => {
        existing.properties.status = "Canceled";
      });
      return send(res, 202, undefined, { "azure-asyncoperation": asyncUrl, location: asyncUrl });
    }
    return error(res, 405, "MethodNotAllowed", request);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, "EmulatorError", String(e)));
  });
  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, "127.0.0.1", resolvePromise));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    state,
    injectFaults: (...faults) => state.faults.push(...faults),
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

/** Jobs move on as they are polled: NotStarted -> Running -> Completed (or the tagged outcome). */
function advance(resource: ArmResource, collection: string): ArmResource {
  // As in Azure, provisioning finishes by itself, whether or not anyone polls its operation.
  if (collection === "computes" && resource.properties.provisioningState === "Creating")
    resource.properties.provisioningState = "Succeeded";
  if (collection !== "jobs") return resource;
  const status = resource.properties.status;
  const tags = (resource.properties.tags ?? {}) as Record<string, string>;
  if (status === "NotStarted") resource.properties.status = "Running";
  else if (status === "Running")
    resource.properties.status = tags["amlpipe.emulator.outcome"] === "Failed" ? "Failed" : "Completed";
  return resource;
}
