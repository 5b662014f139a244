import type { WorkspaceTarget } from "./create-client.js";

/** `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>`. */
export function workspaceId(target: WorkspaceTarget): string {
  return `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${target.workspace}`;
}

/** The ARM id of a compute of the workspace. */
export function computeArmId(target: WorkspaceTarget, name: string): string {
  return `${workspaceId(target)}/computes/${name}`;
}

/** The ARM id of an asset version (code, component, environment) of the workspace. */
export function assetArmId(
  target: WorkspaceTarget,
  collection: "codes" | "components" | "environments",
  name: string,
  version: string,
): string {
  return `${workspaceId(target)}/${collection}/${name}/versions/${version}`;
}

/** The ARM path of a workspace resource, with the api-version the runtime speaks. */
export function armUrl(endpoint: string, target: WorkspaceTarget, path: string): string {
  return `${endpoint}${workspaceId(target)}/${path}?api-version=2022-10-01`;
}
