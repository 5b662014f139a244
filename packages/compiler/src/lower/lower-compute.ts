import type { Compute, Datastore, Secret } from "@amlpipe/dsl";
import type { ComputeIR } from "../ir/compute.js";
import { COMPUTE_KINDS } from "../kinds/computes/index.js";
import type { LowerContext } from "./lower-context.js";
import { lowerSecret } from "./lower-secret.js";

/** A DSL compute as an IR compute: its settings, secrets as references, datastores by name. */
export function lowerCompute(target: Compute, context: LowerContext): ComputeIR {
  if (target.existing)
    return {
      name: target.name,
      kind: target.kind,
      source: context.position(target.location),
      existing: true,
    } as ComputeIR;
  const kind = COMPUTE_KINDS[target.kind];
  const secrets: readonly string[] = kind.secretFields;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target.settings as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (secrets.includes(key)) fields[key] = lowerSecret(value as Secret | string);
    else if (key === "defaultDatastore") fields[key] = (value as Datastore).name;
    else fields[key] = value;
  }
  // Defaults after the user's settings, so the spec's keys keep the user's order.
  for (const [key, value] of Object.entries(kind.defaults))
    if (fields[key] === undefined) fields[key] = value;
  return {
    name: target.name,
    kind: target.kind,
    source: context.position(target.location),
    ...(target.description ? { description: target.description } : {}),
    ...fields,
  } as ComputeIR;
}
