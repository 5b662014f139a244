import { createHash } from "node:crypto";
import {
  ANONYMOUS_COMPONENT,
  type Diagnostic,
  diagnostic,
  type PipelineIR,
  type RestComponent,
  type RestResolver,
  toRestCommandJob,
  toRestPipeline,
} from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import { assetArmId, computeArmId } from "./arm-ids.js";
import { type CodeFolder, codeFolders, type DefaultDatastore, defaultDatastore } from "./code-upload.js";
import type { WorkspaceTarget } from "./create-client.js";
import { type EnvironmentUse, environmentKey, resolveEnvironments } from "./environments.js";
import { localDataFolders, withUploadedData } from "./local-data-upload.js";

/** An asset version a submit needs: registered by this submit unless it exists already. */
export interface AssetRegistration {
  readonly collection: "codes" | "components" | "environments";
  readonly name: string;
  readonly version: string;
  readonly id: string;
  readonly body: { properties: Record<string, unknown> };
}

/** Everything a submit will resolve, upload, register and send, in order, as data. */
export interface JobPlan {
  readonly diagnostics: readonly Diagnostic[];
  readonly datastore?: DefaultDatastore;
  readonly folders: readonly CodeFolder[];
  /** Code, environment and component versions, in the order they must be registered. */
  readonly assets: readonly AssetRegistration[];
  /** The computes the submitted steps run on (only those are attached). */
  readonly computes: readonly string[];
  readonly job?: { readonly name: string; readonly body: { properties: Record<string, unknown> } };
}

/** Options of {@link planJob}. */
export interface JobPlanOptions {
  readonly root: string;
  readonly submissionId: string;
  readonly experimentName?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
  /** Job properties (git facts). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** The REST form without any lookup: what fails here (AP700, AP702) fails before anything is asked of Azure. */
export function restRefusals(ir: PipelineIR): {
  diagnostics: readonly Diagnostic[];
  directories: string[];
  environments: (string | Record<string, unknown>)[];
} {
  const directories: string[] = [];
  const environments: (string | Record<string, unknown>)[] = [];
  const resolver = {
    computeId: (name: string) => name,
    codeId: (directory: string) => {
      directories.push(directory);
      return directory;
    },
    environmentId: (value: string | Record<string, unknown>) => {
      environments.push(value);
      return environmentKey(value);
    },
    componentId: (name: string, version: string) => `${name}:${version}`,
  };
  const probe = ir.trainingRun ? toRestCommandJob(ir, resolver) : toRestPipeline(ir, resolver);
  return { diagnostics: probe.diagnostics, directories, environments };
}

/** Pipeline parameters as literal job inputs; a value the service refuses (no letter or digit) is AP703. */
function literalInputs(ir: PipelineIR, params: Readonly<Record<string, string>> | undefined) {
  const inputs: Record<string, { jobInputType: "literal"; value: string }> = {};
  const diagnostics: Diagnostic[] = [];
  for (const p of ir.parameters) {
    const value =
      params?.[p.name] ??
      (typeof p.default === "object" || p.default === undefined ? undefined : String(p.default));
    if (value === undefined) continue;
    if (!/[a-zA-Z0-9_]/.test(value))
      diagnostics.push(
        diagnostic(
          "AP703",
          `parameter "${p.name}" = "${value}": Azure ML refuses a literal input with no letter, digit or underscore`,
          {
            at: p.source,
            hint: "give it a value with at least one letter or digit",
          },
        ),
      );
    else inputs[p.name] = { jobInputType: "literal", value };
  }
  return { inputs, diagnostics };
}

/** Bindings to jobs that are not in the body: never sent (the service would refuse them, or worse, run without them). */
export function danglingBindings(jobs: Record<string, Record<string, unknown>>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [key, node] of Object.entries(jobs))
    for (const input of Object.values((node.inputs ?? {}) as Record<string, { value?: unknown }>)) {
      const producer =
        typeof input.value === "string" ? /\$\{\{parent\.jobs\.([\w-]+)\./.exec(input.value)?.[1] : undefined;
      if (producer !== undefined && !(producer in jobs))
        problems.push(
          diagnostic(
            "AP105",
            `job "${key}" would read "${producer}", which is not in the job (an amlpipe bug: please report it)`,
            {},
          ),
        );
    }
  return problems;
}

/** The job's name: the pipeline, and a hash of everything that changes the run and of the submission id. */
function jobName(ir: PipelineIR, content: unknown, submissionId: string): string {
  const hash = createHash("sha256").update(JSON.stringify({ content, submissionId })).digest("hex");
  return `amlpipe-${ir.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 30)}-${hash.slice(0, 12)}`;
}

/** The asset versions a job needs, in the order they must exist: code, then environments, then components. */
function assetRegistrations(
  target: WorkspaceTarget,
  folders: readonly CodeFolder[],
  environments: ReadonlyMap<string, EnvironmentUse>,
  components: readonly RestComponent[],
): AssetRegistration[] {
  const codeName = (f: CodeFolder) => f.snapshot.sha256.slice(0, 32);
  return [
    ...folders.map((f) => ({
      collection: "codes" as const,
      name: codeName(f),
      version: "1",
      id: assetArmId(target, "codes", codeName(f), "1"),
      body: { properties: { codeUri: f.codeUri, isAnonymous: true } },
    })),
    ...[...environments.values()].flatMap((e) =>
      e.register
        ? [
            {
              collection: "environments" as const,
              name: e.name,
              version: e.version,
              id: assetArmId(target, "environments", e.name, e.version),
              body: e.register,
            },
          ]
        : [],
    ),
    ...components.map((c) => ({
      collection: "components" as const,
      name: ANONYMOUS_COMPONENT,
      version: c.version,
      id: assetArmId(target, "components", ANONYMOUS_COMPONENT, c.version),
      body: { properties: { componentSpec: c.spec, isAnonymous: true } },
    })),
  ];
}

/**
 * Plans a pipeline job's submit as the official SDK performs it: names resolved to ARM ids, the
 * default datastore found, each distinct source directory snapshotted (its blob folder named after its
 * content), environments resolved or registered anonymously, one anonymous component per node, and
 * the job body with REST nodes. Only reads: nothing here changes the workspace.
 */
export async function planJob(
  ir: PipelineIR,
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  options: JobPlanOptions,
): Promise<JobPlan> {
  const probe = restRefusals(ir);
  const computes = [
    ...new Set(
      ir.steps.flatMap((s) => {
        const c = s.compute ?? ir.defaultCompute;
        return c ? [c] : [];
      }),
    ),
  ];
  const literals = literalInputs(ir, options.params);
  const refusals = [...probe.diagnostics, ...literals.diagnostics];
  if (refusals.length > 0) return { diagnostics: refusals, folders: [], assets: [], computes };
  const local = ir.dataReferences.filter((r) => r.kind === "local_path");
  const uploads = probe.directories.length > 0 || local.length > 0;
  const datastore = uploads ? await defaultDatastore(client, target) : undefined;
  if (uploads && !datastore)
    return {
      diagnostics: [
        diagnostic(
          "AP801",
          `workspace "${target.workspace}" has no default blob datastore to upload code to`,
          { hint: "set a blob datastore as the workspace's default" },
        ),
      ],
      folders: [],
      assets: [],
      computes,
    };
  const codeUploads = datastore ? await codeFolders(probe.directories, options.root, datastore) : [];
  const dataUploads = datastore ? await localDataFolders(local, options.root, datastore) : [];
  const folders = [...codeUploads, ...dataUploads];
  // The job reads each local data input where it was uploaded.
  const submitted = datastore ? withUploadedData(ir, dataUploads, datastore.name) : ir;
  const environments = await resolveEnvironments(ir, probe.environments, client, target);
  if (environments.diagnostics.length > 0)
    return { diagnostics: environments.diagnostics, folders, assets: [], computes };
  const codeOf = new Map(codeUploads.map((f) => [f.directory, f]));
  const codeName = (f: CodeFolder) => f.snapshot.sha256.slice(0, 32);
  const resolver = {
    computeId: (name: string) => computeArmId(target, name),
    codeId: (directory: string) =>
      `azureml:${assetArmId(target, "codes", codeName(codeOf.get(directory) as CodeFolder), "1")}`,
    environmentId: (value: string | Record<string, unknown>) =>
      (environments.uses.get(environmentKey(value)) as EnvironmentUse).reference,
    componentId: (name: string, version: string) => assetArmId(target, "components", name, version),
  };
  const built = submitted.trainingRun
    ? commandJobBody(submitted, resolver, options)
    : pipelineJobBody(submitted, resolver, target, options, literals.inputs);
  if ("diagnostics" in built) return { diagnostics: built.diagnostics, folders, assets: [], computes };
  const assets = assetRegistrations(target, codeUploads, environments.uses, built.components);
  const properties = built.properties;
  const name = jobName(ir, properties, options.submissionId);
  properties.tags = { "amlpipe.submission": options.submissionId, ...options.tags };
  properties.properties = { ...options.properties };
  return {
    diagnostics: [],
    ...(datastore ? { datastore } : {}),
    folders,
    assets,
    computes,
    job: { name, body: { properties } },
  };
}

/** The job body's own part for a training run: a `CommandJob` (no components: its command is inline). */
function commandJobBody(
  ir: PipelineIR,
  resolver: Omit<RestResolver, "componentId">,
  options: JobPlanOptions,
): { properties: Record<string, unknown>; components: RestComponent[] } | { diagnostics: Diagnostic[] } {
  const rest = toRestCommandJob(ir, resolver);
  if (!rest.properties) return { diagnostics: [...rest.diagnostics] };
  return {
    properties: {
      ...rest.properties,
      experimentName: options.experimentName ?? ir.trainingRun?.experiment ?? ir.name,
    },
    components: [],
  };
}

/** The job body's own part for a pipeline: a `PipelineJob` with REST nodes and their components. */
function pipelineJobBody(
  ir: PipelineIR,
  resolver: RestResolver,
  target: WorkspaceTarget,
  options: JobPlanOptions,
  inputs: Record<string, unknown>,
):
  | { properties: Record<string, unknown>; components: readonly RestComponent[] }
  | { diagnostics: Diagnostic[] } {
  const rest = toRestPipeline(ir, resolver);
  const dangling = danglingBindings(rest.jobs);
  if (dangling.length > 0) return { diagnostics: dangling };
  const defaultCompute =
    ir.defaultCompute && ir.computes.find((c) => c.name === ir.defaultCompute)?.kind !== "local"
      ? computeArmId(target, ir.defaultCompute)
      : undefined;
  return {
    properties: {
      jobType: "Pipeline",
      displayName: ir.name,
      experimentName: options.experimentName ?? ir.name,
      ...(ir.description !== undefined ? { description: ir.description } : {}),
      inputs,
      jobs: rest.jobs,
      settings: {
        ...(defaultCompute ? { default_compute: defaultCompute } : {}),
        continue_on_step_failure: false,
        _source: "YAML.JOB",
      },
    },
    components: rest.components,
  };
}
