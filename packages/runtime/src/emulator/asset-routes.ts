import { ArmRefusal, armError, send } from "./arm-http.js";
import type { EnvelopeName } from "./arm-validator.js";
import type { ArmResource, AssetCollection, WorkspaceState } from "./emulator-state.js";
import { assetOfId } from "./job-references.js";
import {
  checkName,
  newResource,
  type RouteContext,
  sameContent,
  sendList,
  sendOne,
  validBody,
} from "./resource-routes.js";
import { componentSpecViolations } from "./rest-node-schema.js";

const ENVELOPES: Record<AssetCollection, EnvelopeName> = {
  codes: "CodeVersionResource",
  components: "ComponentVersion",
  environments: "EnvironmentVersion",
};
const WHAT: Record<AssetCollection, string> = {
  codes: "code",
  components: "component",
  environments: "environment",
};

/** Why a component version cannot be registered: its spec's shape, and code or environment it names that do not exist. */
function componentProblems(ws: WorkspaceState, spec: unknown): string[] {
  const problems = componentSpecViolations(spec, "properties.componentSpec");
  if (problems.length > 0) return problems;
  const s = spec as Record<string, unknown>;
  const task = (s.task ?? {}) as Record<string, unknown>;
  for (const [key, value] of [
    ["code", s.code ?? task.code],
    ["environment", s.environment ?? task.environment],
  ] as const) {
    if (typeof value !== "string") continue;
    const collection = key === "code" ? "codes" : "environments";
    const asset = assetOfId(value, collection);
    if (!asset || !ws[collection][asset.name]?.[asset.version])
      problems.push(`properties.componentSpec.${key}: ${key} "${value}" does not exist in this workspace`);
  }
  return problems;
}

/** Versions newest first, as `$orderBy=createdtime desc` asks (and `$top` cuts). */
function listVersions(ctx: RouteContext, versions: Record<string, ArmResource>): undefined {
  let values = Object.values(versions);
  if (/createdtime\s+desc/i.test(ctx.url.searchParams.get("$orderBy") ?? "")) values = [...values].reverse();
  const top = Number(ctx.url.searchParams.get("$top") ?? 0);
  if (top > 0) values = values.slice(0, top);
  sendList(ctx, values);
}

/** `{codes|components|environments}/{name}/versions[/{version}]`: register, get and list asset versions. */
export function assetRoute(
  ctx: RouteContext,
  collection: AssetCollection,
  name: string,
  version: string | undefined,
): undefined {
  const { ws, method, res } = ctx;
  const versions = ws[collection][name] ?? {};
  if (version === undefined) {
    if (method !== "GET")
      return armError(
        res,
        405,
        "MethodNotAllowed",
        `${method} is not allowed on ${collection}/${name}/versions`,
      );
    return listVersions(ctx, versions);
  }
  const existing = versions[version];
  if (method === "GET") return sendOne(ctx, `${WHAT[collection]} version`, `${name}:${version}`, existing);
  if (method !== "PUT")
    return armError(
      res,
      405,
      "MethodNotAllowed",
      `${method} is not allowed on a ${WHAT[collection]} version`,
    );
  checkName(collection, name);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9\-_.]{0,254}$/.test(version))
    throw new ArmRefusal(
      400,
      "InvalidResourceName",
      `The version "${version}" is invalid: use letters, digits, dashes, dots and underscores.`,
    );
  const payload = validBody(ENVELOPES[collection], ctx.body);
  const properties = (payload.properties ?? {}) as Record<string, unknown>;
  if (collection === "codes" && typeof properties.codeUri !== "string")
    throw new ArmRefusal(
      400,
      "UserError",
      "properties.codeUri is required: the blob folder the code was uploaded to",
    );
  if (collection === "environments" && !properties.image && !properties.build)
    throw new ArmRefusal(400, "UserError", "properties.image or properties.build is required");
  if (collection === "components") {
    const problems = componentProblems(ws, properties.componentSpec);
    if (problems.length > 0)
      throw new ArmRefusal(
        400,
        "UserError",
        `The component cannot be registered: ${problems.slice(0, 5).join("; ")}`,
      );
  }
  if (existing) {
    // Asset versions are immutable: the same body again is an idempotent retry, another is a conflict.
    if (!sameContent(existing.properties, properties))
      throw new ArmRefusal(
        409,
        "Conflict",
        `${WHAT[collection]} ${name}:${version} exists with other content; versions cannot be changed`,
      );
    return send(res, 200, existing);
  }
  ws[collection][name] = {
    ...versions,
    [version]: newResource(ctx, `${collection}/${name}/versions`, version, properties),
  };
  ctx.state.save();
  send(res, 201, ws[collection][name]?.[version]);
}
