import type { AzureMachineLearningWorkspaces, ComputeResource } from "@azure/arm-machinelearning";
import type { WorkspaceTarget } from "./create-client.js";

/** Provisioning states from which a compute still moves on by itself. */
const TRANSITIONAL = new Set(["Creating", "Updating", "Deleting"]);

/** True when a compute's provisioning has not finished yet. */
export function isProvisioning(compute: ComputeResource | undefined): boolean {
  const state = (compute?.properties as { provisioningState?: string } | undefined)?.provisioningState;
  return state !== undefined && TRANSITIONAL.has(state);
}

/**
 * Polls a compute until its provisioning ends (an attach of an earlier, interrupted try, or one
 * whose response was lost), and returns its final state. Gives up after `maxPolls`.
 */
export async function waitForProvisioning(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  name: string,
  pollMs: number,
  maxPolls = 720,
): Promise<string | undefined> {
  for (let poll = 0; poll < maxPolls; poll++) {
    const current = await client.computeOperations.get(target.resourceGroup, target.workspace, name);
    if (!isProvisioning(current))
      return (current.properties as { provisioningState?: string } | undefined)?.provisioningState;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`compute "${name}" was still provisioning after ${maxPolls} polls`);
}
