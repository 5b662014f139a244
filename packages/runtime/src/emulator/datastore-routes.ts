import { ArmRefusal, armError, send } from "./arm-http.js";
import { ARTIFACT_DATASTORE } from "./command-job.js";
import {
  checkName,
  newResource,
  type RouteContext,
  sameContent,
  sendList,
  sendOne,
  validBody,
  withoutSecrets,
  writableProperties,
} from "./resource-routes.js";

/** The default datastore the emulator makes for every workspace, backed by its blob storage. */
export const DEFAULT_DATASTORE = "workspaceblobstore";

/** `datastores`, `datastores/{name}` and `datastores/{name}/listSecrets`. */
export function datastoreRoute(
  ctx: RouteContext,
  name: string | undefined,
  action: string | undefined,
): undefined {
  const { ws, method, res, url } = ctx;
  if (!name) {
    if (method !== "GET")
      return armError(res, 405, "MethodNotAllowed", `${method} is not allowed on datastores`);
    let values = Object.values(ws.datastores);
    const isDefault = url.searchParams.get("isDefault");
    if (isDefault !== null)
      values = values.filter((d) => (d.properties.isDefault === true) === (isDefault === "true"));
    return sendList(ctx, values);
  }
  const existing = ws.datastores[name];
  if (action?.toLowerCase() === "listsecrets") {
    if (method !== "POST") return armError(res, 405, "MethodNotAllowed", "listSecrets takes POST");
    if (!existing)
      return armError(res, 404, "ResourceNotFound", `datastore "${name}" was not found in this workspace`);
    const credentials = (existing.properties.credentials ?? {}) as { credentialsType?: string };
    // Both of the workspace's own stores live in its storage account, whose key the emulator holds.
    if (name === DEFAULT_DATASTORE || name === ARTIFACT_DATASTORE)
      return send(res, 200, { secretsType: "AccountKey", key: ctx.blobs.accountKey });
    if (credentials.credentialsType === "None")
      throw new ArmRefusal(
        400,
        "UserError",
        `datastore "${name}" uses the caller's identity: it has no secrets`,
      );
    // Secrets of other datastores are received but not kept (see withoutSecrets).
    return send(res, 200, { secretsType: credentials.credentialsType ?? "None" });
  }
  if (action) return armError(res, 404, "NotFound", `no action ${action} on datastores`);
  if (method === "GET") return sendOne(ctx, "datastore", name, existing);
  if (method === "PUT") {
    checkName("datastores", name);
    const payload = validBody("Datastore", ctx.body);
    const properties = withoutSecrets(writableProperties(payload.properties, ["isDefault"]));
    if (
      existing &&
      name === DEFAULT_DATASTORE &&
      !sameContent(writableProperties(existing.properties, ["isDefault"]), properties)
    )
      throw new ArmRefusal(
        409,
        "Conflict",
        `datastore "${name}" is the workspace's default and is managed by the emulator`,
      );
    ws.datastores[name] = newResource(ctx, "datastores", name, {
      ...properties,
      isDefault: existing?.properties.isDefault === true,
    });
    ctx.state.save();
    return send(res, existing ? 200 : 201, withoutSecrets(ws.datastores[name]));
  }
  if (method === "DELETE") {
    if (existing?.properties.isDefault === true)
      throw new ArmRefusal(409, "Conflict", `datastore "${name}" is the workspace's default`);
    delete ws.datastores[name];
    ctx.state.save();
    return send(res, existing ? 200 : 204);
  }
  armError(res, 405, "MethodNotAllowed", `${method} is not allowed on a datastore`);
}
