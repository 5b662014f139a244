import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { toV2Jobs } from "../emit-v2/v2-jobs.js";
import type { ParameterType } from "../ir/parameter.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { restInputMode, restOutputMode } from "./rest-modes.js";

/** How the names a v2 node uses become ARM ids (resolved by the runtime before it translates). */
export interface RestResolver {
  /** The ARM id of a compute (`/subscriptions/.../computes/<name>`). */
  computeId(name: string): string;
  /** The code asset version of a root-relative source directory, `azureml:<ARM id>`. */
  codeId(sourceDirectory: string): string;
  /** The environment version of a v2 `environment:` value (a label or an inline definition), `azureml:<ARM id>`. */
  environmentId(environment: string | Record<string, unknown>): string;
  /** The ARM id of an anonymous component version, given its name and version. */
  componentId(name: string, version: string): string;
}

/** An anonymous component to register before the job: `PUT components/{name}/versions/{version}`. */
export interface RestComponent {
  readonly name: string;
  readonly version: string;
  readonly spec: Record<string, unknown>;
}

/** The REST form of a pipeline: the components its nodes run, and the nodes (`PipelineJob.jobs`). */
export interface RestPipeline {
  readonly components: readonly RestComponent[];
  readonly jobs: Record<string, Record<string, unknown>>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The name the official SDK gives components it registers for a job's nodes. */
export const ANONYMOUS_COMPONENT = "azureml_anonymous";

/** Keys that move from a v2 node into its component, per node type (the SDK's component/node split). */
const COMPONENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  command: ["command", "code", "environment"],
  spark: ["entry", "code", "conf", "args", "environment", "py_files", "jars", "files", "archives"],
  parallel: [
    "task",
    "mini_batch_size",
    "input_data",
    "error_threshold",
    "max_concurrency_per_instance",
    "retry_settings",
    "logging_level",
  ],
  data_transfer: ["task", "data_copy_mode"],
};
/** Keys that stay on the node beside name, type, componentId, computeId, inputs and outputs. */
const NODE_KEYS: Readonly<Record<string, readonly string[]>> = {
  command: ["resources", "distribution", "limits"],
  spark: ["entry", "conf", "args", "resources"],
  parallel: [
    "mini_batch_size",
    "input_data",
    "error_threshold",
    "max_concurrency_per_instance",
    "resources",
    "retry_settings",
    "logging_level",
  ],
  data_transfer: ["task"],
};

const COMPONENT_PARAMETER_TYPES: Readonly<Record<ParameterType, string>> = {
  string: "string",
  int: "integer",
  float: "number",
  bool: "boolean",
  datapath: "uri_folder",
};

function literalType(value: unknown): string {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return "string";
}

/** One v2 input as a REST node input and the component's declaration of it. */
function restInput(
  value: unknown,
  nodeType: string,
  parameterTypes: ReadonlyMap<string, string>,
): { rest: Record<string, unknown>; declared: Record<string, unknown> } {
  const object = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  const path = object ? object.path : value;
  const mode = restInputMode(object?.mode, nodeType);
  const withMode = mode && (object?.mode !== undefined || nodeType === "spark") ? { mode } : {};
  if (typeof path === "string" && path.startsWith("azureml://")) {
    const type = String(object?.type ?? "uri_folder");
    return { rest: { job_input_type: type, uri: path, ...withMode }, declared: { type } };
  }
  if (typeof path === "string" && path.includes("${{parent.")) {
    const parameter = /^\$\{\{parent\.inputs\.([\w-]+)\}\}$/.exec(path)?.[1];
    const type = (parameter && parameterTypes.get(parameter)) ?? "uri_folder";
    return { rest: { job_input_type: "literal", value: path, ...withMode }, declared: { type } };
  }
  return { rest: { job_input_type: "literal", value: String(path) }, declared: { type: literalType(path) } };
}

/** One v2 output as a REST node output and the component's declaration of it. */
function restOutput(
  value: unknown,
  nodeType: string,
): { rest: Record<string, unknown>; declared: Record<string, unknown> } {
  const object = (value ?? {}) as Record<string, unknown>;
  const type = String(object.type ?? "uri_folder");
  const mode = restOutputMode(object.mode, nodeType);
  return {
    rest: {
      job_output_type: type,
      ...(typeof object.path === "string" ? { uri: object.path } : {}),
      ...(mode ? { mode } : {}),
    },
    declared: { type },
  };
}

/** Replaces local references in a component's fields with the ARM ids the service reads. */
function resolveReferences(fields: Record<string, unknown>, resolver: RestResolver): Record<string, unknown> {
  const out = { ...fields };
  if (typeof out.code === "string") out.code = resolver.codeId(out.code);
  if (out.environment !== undefined)
    out.environment = resolver.environmentId(out.environment as string | Record<string, unknown>);
  if (out.task !== null && typeof out.task === "object")
    out.task = resolveReferences(out.task as Record<string, unknown>, resolver);
  return out;
}

/** A component's version: a hash of its spec, so the same step registers the same version again. */
function versionOf(spec: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 32);
}

function pick(node: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => node[k] !== undefined).map((k) => [k, node[k]]));
}

/** One v2 node as its anonymous component and its REST node. */
function restNode(
  key: string,
  node: Record<string, unknown>,
  context: { resolver: RestResolver; parameterTypes: ReadonlyMap<string, string>; allowReuse: boolean },
): { component: RestComponent; node: Record<string, unknown> } {
  const type = String(node.type);
  const inputs = Object.entries((node.inputs ?? {}) as Record<string, unknown>).map(
    ([name, value]) => [name, restInput(value, type, context.parameterTypes)] as const,
  );
  const outputs = Object.entries((node.outputs ?? {}) as Record<string, unknown>).map(
    ([name, value]) => [name, restOutput(value, type)] as const,
  );
  const spec: Record<string, unknown> = {
    name: ANONYMOUS_COMPONENT,
    type,
    is_deterministic: context.allowReuse,
    inputs: Object.fromEntries(inputs.map(([n, i]) => [n, i.declared])),
    outputs: Object.fromEntries(outputs.map(([n, o]) => [n, o.declared])),
    // A data transfer's copy settings are in its inline component (as azure-ai-ml requires).
    ...resolveReferences(
      pick({ ...node, ...(node.component as object | undefined) }, COMPONENT_KEYS[type] ?? []),
      context.resolver,
    ),
    _source: "YAML.JOB",
  };
  const version = versionOf(spec);
  const compute = typeof node.compute === "string" ? node.compute.replace(/^azureml:/, "") : undefined;
  return {
    component: { name: ANONYMOUS_COMPONENT, version, spec: { ...spec, version } },
    node: {
      name: key,
      type,
      ...(typeof node.display_name === "string" ? { display_name: node.display_name } : {}),
      componentId: context.resolver.componentId(ANONYMOUS_COMPONENT, version),
      ...(compute ? { computeId: context.resolver.computeId(compute) } : {}),
      inputs: Object.fromEntries(inputs.map(([n, i]) => [n, i.rest])),
      outputs: Object.fromEntries(outputs.map(([n, o]) => [n, o.rest])),
      ...pick(node, NODE_KEYS[type] ?? []),
      _source: "YAML.JOB",
    },
  };
}

/**
 * The REST form of a pipeline job, as the official SDK (azure-ai-ml) sends it: each v2 node becomes an
 * anonymous component (command, code and environment as ARM ids) and a node naming it by
 * `componentId`, with `computeId`, inputs `{job_input_type, value|uri, mode}` and outputs
 * `{job_output_type, uri, mode}`. Steps with no v2 form, steps on `local` and Spark steps off Synapse
 * come back as errors (from the v2 form): nothing is left out silently.
 */
export function toRestPipeline(ir: PipelineIR, resolver: RestResolver): RestPipeline {
  const { jobs: yamlJobs, diagnostics } = toV2Jobs(ir, { outputToRoot: ".", inlineDataInputs: true });
  const errors = diagnostics.filter((d) => d.severity === "error");
  const parameterTypes = new Map(ir.parameters.map((p) => [p.name, COMPONENT_PARAMETER_TYPES[p.type]]));
  for (const reference of ir.dataReferences) parameterTypes.set(reference.name, "uri_folder");
  const components = new Map<string, RestComponent>();
  const jobs: Record<string, Record<string, unknown>> = {};
  for (const step of ir.steps) {
    const yaml = yamlJobs[step.key];
    if (!yaml) continue;
    const rest = restNode(step.key, yaml, { resolver, parameterTypes, allowReuse: step.allowReuse });
    components.set(rest.component.version, rest.component);
    jobs[step.key] = rest.node;
  }
  return { components: [...components.values()], jobs, diagnostics: errors };
}
