import { ArmRefusal, armError, send } from "./arm-http.js";
import { startOperation } from "./operations.js";
import {
  checkName,
  newResource,
  type RouteContext,
  sendList,
  sendOne,
  validBody,
  withoutSecrets,
  writableProperties,
} from "./resource-routes.js";

const READ_ONLY = [
  "provisioningState",
  "createdOn",
  "modifiedOn",
  "provisioningErrors",
  "isAttachedCompute",
  "computeLocation",
];
/** Kinds whose names may be up to 24 characters; the others (clusters, attached computes) 16. */
const LONG_NAMES = new Set(["ComputeInstance"]);

/**
 * What Azure ML checks beyond the spec when attaching a machine over SSH (the compute-target
 * documentation: a VM or HDInsight cluster is attached by resource id with a user name and a password
 * or key).
 */
function attachProblems(properties: Record<string, unknown>): string | undefined {
  const type = properties.computeType;
  if (type !== "VirtualMachine" && type !== "HDInsight") return undefined;
  const inner = (properties.properties ?? {}) as Record<string, unknown>;
  const account = (inner.administratorAccount ?? {}) as Record<string, unknown>;
  if (!properties.resourceId && !inner.address)
    return "properties.resourceId is required to attach a machine";
  if (!account.username) return "properties.properties.administratorAccount.username is required";
  if (!account.password && !account.privateKeyData)
    return "properties.properties.administratorAccount needs a password or privateKeyData";
  return undefined;
}

/** `computes` and `computes/{name}`: list, get, attach (long-running), detach (long-running). */
export function computeRoute(ctx: RouteContext, name: string | undefined): undefined {
  const { ws, method, res } = ctx;
  if (!name) {
    if (method !== "GET")
      return armError(res, 405, "MethodNotAllowed", `${method} is not allowed on computes`);
    return sendList(ctx, Object.values(ws.computes));
  }
  const existing = ws.computes[name];
  if (method === "GET") {
    // As in Azure, provisioning finishes by itself once it has been seen in progress.
    if (existing?.properties.provisioningState === "Creating") {
      existing.seen = Number(existing.seen ?? 0) + 1;
      if (Number(existing.seen) > 1) existing.properties.provisioningState = "Succeeded";
    }
    return sendOne(ctx, "compute", name, existing);
  }
  if (method === "PUT") {
    checkName("computes", name);
    const payload = validBody("ComputeResource", ctx.body);
    const properties = writableProperties(payload.properties, READ_ONLY);
    if (!LONG_NAMES.has(String(properties.computeType)) && name.length > 16)
      throw new ArmRefusal(
        400,
        "InvalidResourceName",
        `Compute name "${name}" is longer than 16 characters.`,
      );
    const problem = attachProblems(properties);
    if (problem) throw new ArmRefusal(400, "UserError", problem);
    if (
      existing &&
      existing.properties.provisioningState !== "Succeeded" &&
      existing.properties.provisioningState !== "Failed"
    )
      throw new ArmRefusal(
        409,
        "Conflict",
        `compute "${name}" is in a transitional state (${String(existing.properties.provisioningState)})`,
      );
    if (existing && existing.properties.computeType !== properties.computeType)
      throw new ArmRefusal(
        409,
        "Conflict",
        `compute "${name}" exists with computeType ${String(existing.properties.computeType)}`,
      );
    const resource = newResource(
      ctx,
      "computes",
      name,
      withoutSecrets({
        ...properties,
        isAttachedCompute:
          properties.computeType !== "AmlCompute" && properties.computeType !== "ComputeInstance",
        provisioningState: "Creating",
      }),
      { location: String(payload.location ?? ctx.location) },
    );
    ws.computes[name] = resource;
    const fail = ctx.fault?.kind === "async-fail";
    const asyncUrl = startOperation(ctx.state, ctx.base, fail, () => {
      resource.properties.provisioningState = "Succeeded";
    });
    if (fail) resource.properties.provisioningState = "Failed";
    ctx.state.save();
    return send(res, existing ? 200 : 201, withoutSecrets(resource), { "azure-asyncoperation": asyncUrl });
  }
  if (method === "DELETE") {
    const action = ctx.url.searchParams.get("underlyingResourceAction");
    if (action !== "Delete" && action !== "Detach")
      throw new ArmRefusal(
        400,
        "UserError",
        "the query parameter underlyingResourceAction must be Delete or Detach",
      );
    if (!existing) return send(res, 204);
    const asyncUrl = startOperation(ctx.state, ctx.base, ctx.fault?.kind === "async-fail", () => {
      delete ws.computes[name];
    });
    existing.properties.provisioningState = "Deleting";
    ctx.state.save();
    return send(res, 202, undefined, {
      "azure-asyncoperation": asyncUrl,
      location: asyncUrl,
      "retry-after": String(ctx.retryAfterSeconds),
    });
  }
  armError(res, 405, "MethodNotAllowed", `${method} is not allowed on a compute`);
}
