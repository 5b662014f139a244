import type { Compute, Datastore, Secret } from "@amlpipe/dsl";
import type { ComputeIR } from "../ir/compute.js";
import type { LowerContext } from "./lower-context.js";
import { lowerSecret } from "./lower-secret.js";

const SECRET_FIELDS = new Set(["password", "privateKey", "privateKeyPassphrase", "accessToken"]);

/** A DSL compute as an IR compute: its settings, secrets as references, datastores by name. */
export function lowerCompute(target: Compute, context: LowerContext): ComputeIR {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target.settings as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (SECRET_FIELDS.has(key)) fields[key] = lowerSecret(value as Secret | string);
    else if (key === "defaultDatastore") fields[key] = (value as Datastore).name;
    else fields[key] = value;
  }
  if ((target.kind === "remote_vm" || target.kind === "hdinsight") && fields.sshPort === undefined) {
    fields.sshPort = 22;
  }
  return {
    name: target.name,
    kind: target.kind,
    source: context.position(target.location),
    ...(target.description ? { description: target.description } : {}),
    ...fields,
  } as ComputeIR;
}
