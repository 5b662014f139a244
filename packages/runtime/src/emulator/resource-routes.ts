import type { ServerResponse } from "node:http";
import { ARM_SECRET_PROPERTIES } from "../azure/arm-compute-kinds.js";
import { ArmRefusal, armError, parseJson, send, sendPage } from "./arm-http.js";
import { type EnvelopeName, validateArmBody } from "./arm-validator.js";
import type { BlobBackend } from "./blob-backend.js";
import type { ArmResource, EmulatorState, Fault, WorkspaceState } from "./emulator-state.js";

/** What a route handler gets: the request, the workspace it names, and the emulator around it. */
export interface RouteContext {
  readonly state: EmulatorState;
  readonly ws: WorkspaceState;
  /** `/subscriptions/.../workspaces/<ws>`: the ARM id prefix of the workspace's resources. */
  readonly idBase: string;
  /** The emulator's own URL (for operation and next-page links). */
  readonly base: string;
  readonly url: URL;
  readonly method: string;
  readonly body: Buffer;
  readonly res: ServerResponse;
  readonly fault: Fault | undefined;
  readonly blobs: BlobBackend;
  readonly pageSize: number;
  readonly retryAfterSeconds: number;
  /** The workspace's region: what a resource created without `location` gets. */
  readonly location: string;
}

/** Secrets a body carries are received but never stored, nor written with --state, nor returned. */
const SECRET_KEYS = new Set([...ARM_SECRET_PROPERTIES, "secrets"]);

/** A body with its secrets removed (what the emulator keeps and what GET returns). */
export function withoutSecrets<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v))) as T;
}

/** ARM's name rules for a resource of a collection (the spec's path patterns, and the service's). */
const NAME_PATTERNS: Record<string, { pattern: RegExp; rule: string }> = {
  computes: {
    pattern: /^[A-Za-z][A-Za-z0-9-]{0,22}[A-Za-z0-9]$/,
    rule: "letters, digits and dashes, starting with a letter and ending with a letter or digit, 2 to 24 characters (16 for clusters and attached computes)",
  },
  datastores: { pattern: /^[A-Za-z0-9_]{1,255}$/, rule: "letters, digits and underscores" },
  default: {
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/,
    rule: "letters, digits, dashes and underscores, starting with a letter or digit, at most 255 characters",
  },
};

/** Refuses a resource name the service would refuse (400, naming the rule). */
export function checkName(collection: string, name: string): undefined {
  const { pattern, rule } =
    NAME_PATTERNS[collection] ?? (NAME_PATTERNS.default as { pattern: RegExp; rule: string });
  if (!pattern.test(name))
    throw new ArmRefusal(400, "InvalidResourceName", `The resource name "${name}" is invalid: use ${rule}.`);
}

/** Parses and validates a PUT body against its official definition; refuses with the offending path. */
export function validBody(envelope: EnvelopeName, body: Buffer): Record<string, unknown> {
  const payload = parseJson(body);
  const violations = validateArmBody(envelope, payload);
  if (violations.length > 0)
    throw new ArmRefusal(
      400,
      "UserError",
      `The request body is not a valid ${envelope} (api-version 2022-10-01): ${violations
        .slice(0, 5)
        .map((v) => `${v.path || "(body)"} ${v.message}`)
        .join("; ")}`,
    );
  return payload;
}

/** Properties as the service keeps them: read-only ones it computes itself are not taken from the body. */
export function writableProperties(
  properties: unknown,
  readOnly: readonly string[],
): Record<string, unknown> {
  const copy = { ...((properties ?? {}) as Record<string, unknown>) };
  for (const key of readOnly) delete copy[key];
  return copy;
}

/** A new ARM resource of a workspace collection. */
export function newResource(
  ctx: RouteContext,
  collection: string,
  name: string,
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): ArmResource {
  const now = new Date().toISOString();
  return {
    id: `${ctx.idBase}/${collection}/${name}`,
    name,
    type: `Microsoft.MachineLearningServices/workspaces/${collection}`,
    ...extra,
    properties,
    systemData: { createdAt: now, createdBy: "amlpipe-emulator", lastModifiedAt: now },
  };
}

/** Answers GET of one resource, or 404 naming it. */
export function sendOne(
  ctx: RouteContext,
  what: string,
  name: string,
  resource: ArmResource | undefined,
): undefined {
  if (!resource)
    return armError(ctx.res, 404, "ResourceNotFound", `${what} "${name}" was not found in this workspace`);
  send(ctx.res, 200, withoutSecrets(resource));
}

/** Answers GET of a collection, one page at a time. */
export function sendList(ctx: RouteContext, items: readonly ArmResource[]): undefined {
  sendPage(ctx.res, ctx.url, items.map(withoutSecrets), ctx.pageSize);
}

/** Whether two property sets say the same (key order aside): a repeated PUT is not a conflict. */
export function sameContent(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, w]) => [k, canonical(w)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
