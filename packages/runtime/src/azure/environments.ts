import { createHash } from "node:crypto";
import { type Diagnostic, diagnostic, type PipelineIR } from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import { stringify } from "yaml";
import { assetArmId } from "./arm-ids.js";
import type { WorkspaceTarget } from "./create-client.js";

/** The name the official SDK registers inline environments under (one version per definition). */
export const ANONYMOUS_ENVIRONMENT = "CliV2AnonymousEnvironment";

/** An environment a submit uses: one that exists, or an anonymous one to register. */
export interface EnvironmentUse {
  /** The v2 value it stands for (a label such as `azureml:x@latest`, or the inline definition's JSON). */
  readonly key: string;
  readonly name: string;
  readonly version: string;
  /** `azureml:<ARM id>`, as component specs name it. */
  readonly reference: string;
  /** The body to register, when it is an inline definition. */
  readonly register?: { properties: Record<string, unknown> };
}

/** The key a v2 `environment:` value is resolved under. */
export function environmentKey(value: string | Record<string, unknown>): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An inline environment (image, conda file) as an anonymous environment version, named by its content. */
function anonymous(target: WorkspaceTarget, value: Record<string, unknown>): EnvironmentUse {
  const properties: Record<string, unknown> = {
    image: value.image,
    ...(value.conda_file !== undefined ? { condaFile: stringify(value.conda_file) } : {}),
    isAnonymous: true,
  };
  const version = createHash("sha256").update(JSON.stringify(properties)).digest("hex").slice(0, 32);
  return {
    key: environmentKey(value),
    name: ANONYMOUS_ENVIRONMENT,
    version,
    reference: `azureml:${assetArmId(target, "environments", ANONYMOUS_ENVIRONMENT, version)}`,
    register: { properties },
  };
}

/**
 * Resolves a named environment as the official SDK does, client-side: `name@latest` to the newest
 * version (`GET environments/{name}/versions`, newest first), `name:version` as given once it exists.
 */
async function named(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  label: string,
): Promise<EnvironmentUse | string> {
  const match = /^azureml:([^@:]+)(?:@latest|:([^@:]+))?$/.exec(label);
  if (!match?.[1]) return `environment "${label}" is not a name the workspace can resolve`;
  const name = match[1];
  let version = match[2];
  if (version === undefined) {
    for await (const v of client.environmentVersions.list(target.resourceGroup, target.workspace, name, {
      orderBy: "createdtime desc",
      top: 1,
    })) {
      version = v.name;
      break;
    }
  } else {
    try {
      await client.environmentVersions.get(target.resourceGroup, target.workspace, name, version);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      version = undefined;
    }
  }
  if (version === undefined)
    return `environment "${name}" has no version${match[2] ? ` ${match[2]}` : ""} in workspace "${target.workspace}"`;
  return {
    key: label,
    name,
    version,
    reference: `azureml:${assetArmId(target, "environments", name, version)}`,
  };
}

/** Resolves every environment the REST form of a pipeline asks for; one that does not exist is AP806. */
export async function resolveEnvironments(
  ir: PipelineIR,
  values: readonly (string | Record<string, unknown>)[],
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
): Promise<{ uses: Map<string, EnvironmentUse>; diagnostics: Diagnostic[] }> {
  const uses = new Map<string, EnvironmentUse>();
  const diagnostics: Diagnostic[] = [];
  for (const value of values) {
    const key = environmentKey(value);
    if (uses.has(key)) continue;
    const use = typeof value === "string" ? await named(client, target, value) : anonymous(target, value);
    if (typeof use === "string") {
      const environment = ir.environments.find((e) => key.includes(e.name));
      diagnostics.push(
        diagnostic("AP806", use, {
          ...(environment ? { at: environment.source } : {}),
          hint: "name an environment the workspace has (az ml environment list), or define it inline (image, conda)",
        }),
      );
    } else uses.set(key, use);
  }
  return { uses, diagnostics };
}
