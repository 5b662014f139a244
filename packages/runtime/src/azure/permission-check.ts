import { type Diagnostic, diagnostic } from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import { workspaceId } from "./arm-ids.js";
import { armEndpointOf, type WorkspaceTarget } from "./create-client.js";
import { sendJson } from "./raw-request.js";

/** One permission a submit needs, and the call that needs it. */
export interface NeededPermission {
  readonly action: string;
  readonly call: string;
}

interface Permission {
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
}

type Picomatch = typeof import("picomatch");

/** Azure's action wildcards (`*` is any run of segments) as a case-insensitive matcher. */
function matcher(picomatch: Picomatch, patterns: readonly string[]): (action: string) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = patterns.map((p) =>
    p
      .split("/")
      .map((segment) => (segment === "*" ? "**" : segment))
      .join("/"),
  );
  return picomatch(globs, { nocase: true, dot: true });
}

/** Whether the caller's role assignments grant an action (some permission allows it and does not exclude it). */
function granted(picomatch: Picomatch, permissions: readonly Permission[], action: string): boolean {
  return permissions.some(
    (p) => matcher(picomatch, p.actions ?? [])(action) && !matcher(picomatch, p.notActions ?? [])(action),
  );
}

/**
 * What the caller may not do of what the submit would do: the workspace's permissions
 * (`GET .../providers/Microsoft.Authorization/permissions`, the caller's effective actions there)
 * against each call's action. A dry run reports these, so permission problems show before a submit.
 */
export async function missingPermissions(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  needed: readonly NeededPermission[],
): Promise<Diagnostic[]> {
  const url = `${armEndpointOf(target)}${workspaceId(target)}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`;
  let permissions: Permission[];
  try {
    const answer = await sendJson(client, "GET", url, undefined, target.emulator !== undefined);
    permissions = ((answer.body as { value?: Permission[] } | undefined)?.value ?? []) as Permission[];
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== 401 && status !== 403) throw error;
    return [
      diagnostic(
        "AP807",
        `cannot read your permissions on workspace "${target.workspace}" (HTTP ${status})`,
        { hint: "ask for a role on the workspace (AzureML Data Scientist, or Reader to check)" },
      ),
    ];
  }
  const picomatch = (await import("picomatch")).default;
  return needed
    .filter((n) => !granted(picomatch, permissions, n.action))
    .map((n) =>
      diagnostic(
        "AP807",
        `${n.call} needs ${n.action}, which your role assignments on workspace "${target.workspace}" do not grant`,
        {
          hint: 'see docs/azure.md, "What a real submit needs"',
        },
      ),
    );
}
