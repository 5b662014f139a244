import {
  type Diagnostic,
  diagnostic,
  isExistingCompute,
  type PipelineIR,
  secretEnvNames,
} from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces, ComputeResource } from "@azure/arm-machinelearning";
import { ARM_SECRET_PROPERTIES } from "./arm-compute-kinds.js";
import { computeBody } from "./compute-body.js";
import type { WorkspaceTarget } from "./create-client.js";
import { isProvisioning, waitForProvisioning } from "./wait-provisioning.js";

/** What attach will do for one compute. */
export interface AttachAction {
  readonly compute: string;
  /** `wait`: an earlier try's attach is still provisioning; wait for it, then use it. */
  readonly action: "create" | "keep" | "reattach" | "wait";
  readonly body?: ComputeResource;
  readonly reason: string;
}

function withLocation(body: ComputeResource, location: string | undefined): ComputeResource {
  return location ? { ...body, location } : body;
}

/** The workspace's computes, by name. */
export async function listComputes(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
): Promise<Map<string, ComputeResource>> {
  const computes = new Map<string, ComputeResource>();
  for await (const compute of client.computeOperations.list(target.resourceGroup, target.workspace)) {
    if (compute.name) computes.set(compute.name, compute);
  }
  return computes;
}

/** Seconds of an ISO-8601 time duration (`PT2M`, `PT120S`, `PT1H30M`), or undefined when it is none. */
export function durationSeconds(text: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!match || text.toUpperCase() === "P" || text.toUpperCase().endsWith("T")) return undefined;
  const [, d = "0", h = "0", m = "0", s = "0"] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60 + Number(s);
}

/**
 * Whether every setting the pipeline gives (`wanted`) has that value in the attached compute (`actual`).
 * The service adds defaults and read-only fields, and never returns secrets: those are not compared.
 */
export function sameSettings(wanted: unknown, actual: unknown): boolean {
  if (wanted === null || typeof wanted !== "object") {
    if (typeof wanted !== "string" || typeof actual !== "string") return wanted === actual;
    const [a, b] = [durationSeconds(wanted), durationSeconds(actual)];
    // The service may write a duration another way (PT120S as PT2M): compare what they mean.
    if (a !== undefined && b !== undefined) return a === b;
    return wanted.toLowerCase() === actual.toLowerCase();
  }
  if (actual === null || typeof actual !== "object") return false;
  return Object.entries(wanted).every(
    ([key, value]) =>
      ARM_SECRET_PROPERTIES.includes(key) ||
      value === undefined ||
      sameSettings(value, (actual as Record<string, unknown>)[key]),
  );
}

/**
 * Plans attaching the pipeline's computes (get, else attach): keeps those attached with the same
 * settings, creates the missing ones, and refuses (diagnostics, nothing changed) a compute attached
 * with other settings (unless `reattach`) and a resource already attached under another name.
 */
export async function planAttach(
  ir: PipelineIR,
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  options: {
    readonly reattach?: boolean;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** The workspace's region: every compute is created there, as the official SDK does. */
    readonly location?: string;
  },
): Promise<{ actions: AttachAction[]; existing: Map<string, ComputeResource>; diagnostics: Diagnostic[] }> {
  const existing = await listComputes(client, target);
  const actions: AttachAction[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const compute of ir.computes) {
    // An existing compute is the workspace's: nothing to attach (liveChecks checks it is there).
    if (compute.kind === "local" || isExistingCompute(compute)) continue;
    const current = existing.get(compute.name);
    const planned = computeBody(
      compute,
      { subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup },
      options.env,
    );
    if ("refused" in planned) {
      if (current) continue; // already attached by other means: used as it is
      diagnostics.push(
        diagnostic(
          "AP802",
          `compute "${compute.name}" (${compute.kind}) is not attached and cannot be: ${planned.refused}`,
          { at: compute.source },
        ),
      );
      continue;
    }
    if (planned.resourceKey) {
      const twin = [...existing.values()].find(
        (c) =>
          c.name !== compute.name &&
          String((c.properties as { resourceId?: string } | undefined)?.resourceId ?? "").toLowerCase() ===
            planned.resourceKey,
      );
      if (twin) {
        diagnostics.push(
          diagnostic(
            "AP803",
            `the resource of compute "${compute.name}" is already attached as "${twin.name}"; a second attachment breaks the first`,
            {
              at: compute.source,
              hint: `name the compute "${twin.name}" in the pipeline`,
            },
          ),
        );
        continue;
      }
    }
    if (isProvisioning(current))
      actions.push({
        compute: compute.name,
        action: "wait",
        reason: "an earlier attach is still provisioning: wait for it",
      });
    else if (!current)
      actions.push({
        compute: compute.name,
        action: "create",
        body: withLocation(planned.body, options.location),
        reason: "not attached yet",
      });
    else if (
      (current.properties as { provisioningState?: string } | undefined)?.provisioningState === "Failed"
    )
      actions.push({
        compute: compute.name,
        action: "reattach",
        body: withLocation(planned.body, options.location),
        reason: "an earlier attach failed: detach, then attach again",
      });
    else if (sameSettings(planned.body.properties, current.properties))
      actions.push({
        compute: compute.name,
        action: "keep",
        reason:
          secretEnvNames(compute).length > 0
            ? "attached with the same settings; its secrets cannot be compared (Azure never returns them): after rotating one, run with --reattach"
            : "attached with the same settings",
      });
    else if (options.reattach)
      actions.push({
        compute: compute.name,
        action: "reattach",
        body: withLocation(planned.body, options.location),
        reason: "attached with other settings: detach, then attach (--reattach)",
      });
    else
      diagnostics.push(
        diagnostic("AP804", `compute "${compute.name}" is attached with other settings than the pipeline's`, {
          at: compute.source,
          hint: "pass --reattach to detach and attach it again (the resource itself is kept)",
        }),
      );
  }
  return { actions, existing, diagnostics };
}

/** Carries out an attach plan: create, or detach then create; each waits for provisioning. */
export async function applyAttach(
  actions: readonly AttachAction[],
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  log: (line: string) => void,
  pollMs = 5000,
): Promise<void> {
  for (const action of actions) {
    if (action.action === "wait") {
      log(`waiting for ${action.compute} to finish provisioning...`);
      const state = await waitForProvisioning(client, target, action.compute, pollMs);
      if (state === "Failed")
        throw new Error(`compute "${action.compute}" failed to provision; run again to reattach it`);
      continue;
    }
    if (action.action === "keep" || !action.body) continue;
    if (action.action === "reattach") {
      log(`detaching ${action.compute} (the resource is kept)`);
      await client.computeOperations.beginDeleteAndWait(
        target.resourceGroup,
        target.workspace,
        action.compute,
        "Detach",
        { updateIntervalInMs: pollMs },
      );
    }
    log(`attaching ${action.compute}...`);
    try {
      const result = await client.computeOperations.beginCreateOrUpdateAndWait(
        target.resourceGroup,
        target.workspace,
        action.compute,
        action.body,
        { updateIntervalInMs: pollMs },
      );
      log(`attached ${action.compute}: ${result.properties?.provisioningState ?? "Succeeded"}`);
    } catch (error) {
      // A retried PUT whose first response was lost meets our own attach in flight: 409. Wait for it.
      if ((error as { statusCode?: number }).statusCode !== 409) throw error;
      log(`${action.compute} is being attached by an earlier try: waiting for it...`);
      const state = await waitForProvisioning(client, target, action.compute, pollMs);
      if (state !== "Succeeded") throw error;
      log(`attached ${action.compute}: ${state}`);
    }
  }
}
