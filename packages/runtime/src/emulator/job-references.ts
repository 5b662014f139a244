import type { WorkspaceState } from "./emulator-state.js";
import { restNodeViolations } from "./rest-node-schema.js";

/** The name and version an asset version's ARM id names (with or without an `azureml:` prefix). */
export function assetOfId(id: string, collection: string): { name: string; version: string } | undefined {
  const match = new RegExp(`/${collection}/([^/]+)/versions/([^/]+)$`, "i").exec(id);
  return match?.[1] && match[2] ? { name: match[1], version: match[2] } : undefined;
}

const nameOfComputeId = (id: string): string | undefined => /\/computes\/([^/]+)$/i.exec(id)?.[1];

/** Every `${{parent....}}` binding in a node's inputs. */
function bindingsOf(node: Record<string, unknown>): string[] {
  const inputs = (node.inputs ?? {}) as Record<string, { value?: unknown }>;
  return Object.values(inputs).flatMap((input) =>
    typeof input.value === "string"
      ? [...input.value.matchAll(/\$\{\{\s*(parent\.[^}]+?)\s*\}\}/g)].map((m) => m[1] ?? "")
      : [],
  );
}

function outputsOf(ws: WorkspaceState, node: Record<string, unknown>): Set<string> {
  const own = Object.keys((node.outputs ?? {}) as object);
  const component = assetOfId(String(node.componentId ?? ""), "components");
  const spec = component
    ? (ws.components[component.name]?.[component.version]?.properties.componentSpec as
        | { outputs?: object }
        | undefined)
    : undefined;
  return new Set([...own, ...Object.keys(spec?.outputs ?? {})]);
}

/**
 * Why a pipeline job cannot be created (empty when it can): nodes that are not REST nodes, and
 * references to computes, components, jobs and inputs that do not exist, which Azure refuses at PUT.
 */
export function pipelineJobProblems(ws: WorkspaceState, properties: Record<string, unknown>): string[] {
  const jobs = (properties.jobs ?? {}) as Record<string, Record<string, unknown>>;
  const inputs = new Set(Object.keys((properties.inputs ?? {}) as object));
  const problems: string[] = [];
  const settings = (properties.settings ?? {}) as Record<string, unknown>;
  const computeExists = (id: string) => {
    const name = nameOfComputeId(id);
    return name !== undefined && ws.computes[name] !== undefined;
  };
  if (typeof settings.default_compute === "string" && !computeExists(settings.default_compute))
    problems.push(
      `properties.settings.default_compute: compute "${settings.default_compute}" does not exist in this workspace`,
    );
  for (const [key, node] of Object.entries(jobs)) {
    const at = `properties.jobs.${key}`;
    const shape = restNodeViolations(node, at);
    if (shape.length > 0) {
      problems.push(...shape);
      continue;
    }
    const component = assetOfId(String(node.componentId), "components");
    if (!component || !ws.components[component.name]?.[component.version])
      problems.push(`${at}.componentId: component "${String(node.componentId)}" does not exist`);
    if (typeof node.computeId === "string" && !computeExists(node.computeId))
      problems.push(`${at}.computeId: compute "${node.computeId}" does not exist in this workspace`);
    else if (node.type === "spark" && typeof node.computeId === "string") {
      // The official SDK runs Spark nodes on attached Synapse Spark pools (or serverless) only.
      const type = ws.computes[nameOfComputeId(node.computeId) ?? ""]?.properties.computeType;
      if (type !== "SynapseSpark")
        problems.push(`${at}.computeId: a spark node needs a SynapseSpark compute, not ${String(type)}`);
    }
    if (node.computeId === undefined && settings.default_compute === undefined)
      problems.push(`${at}.computeId: the node has no compute and the pipeline no settings.default_compute`);
    for (const binding of bindingsOf(node)) {
      const toInput = /^parent\.inputs\.([\w-]+)$/.exec(binding);
      const toOutput = /^parent\.jobs\.([\w-]+)\.outputs\.([\w-]+)$/.exec(binding);
      if (toInput?.[1] !== undefined && !inputs.has(toInput[1]))
        problems.push(`${at}.inputs: \${{${binding}}} names a pipeline input that does not exist`);
      else if (toOutput?.[1] !== undefined) {
        const producer = jobs[toOutput[1]];
        if (!producer)
          problems.push(`${at}.inputs: \${{${binding}}} names a job that is not in this pipeline`);
        else if (!outputsOf(ws, producer).has(toOutput[2] ?? ""))
          problems.push(
            `${at}.inputs: \${{${binding}}} names an output that job "${toOutput[1]}" does not have`,
          );
      } else if (!toInput && !toOutput)
        problems.push(`${at}.inputs: \${{${binding}}} is not a binding the service knows`);
    }
  }
  return problems;
}
