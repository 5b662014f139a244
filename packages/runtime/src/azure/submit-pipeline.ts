import { createHash } from "node:crypto";
import { type PipelineIR, toV2Jobs } from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces, JobBase } from "@azure/arm-machinelearning";
import type { WorkspaceTarget } from "./create-client.js";

/** Options of {@link submitPipeline}. */
export interface SubmitOptions {
  /** Makes the job name: the same id for the same compiled pipeline gives the same job (idempotent rerun). */
  readonly submissionId: string;
  readonly experimentName?: string;
  /** Pipeline parameter overrides (`--param k=v`). */
  readonly params?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
  /** POSIX path from the compiled directory to the root (for `code:`). */
  readonly outputToRoot: string;
}

/** The job name of a submission: derived from the pipeline and the submission id, so a rerun finds it. */
export function jobNameFor(ir: PipelineIR, submissionId: string): string {
  const hash = createHash("sha256")
    .update(JSON.stringify({ name: ir.name, steps: ir.steps.map((s) => s.key), submissionId }))
    .digest("hex");
  return `amlpipe-${ir.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 30)}-${hash.slice(0, 12)}`;
}

/** The ARM `PipelineJob` of a pipeline: its jobs in their v2 form, literal parameter inputs, tags. */
export function pipelineJobBody(ir: PipelineIR, options: SubmitOptions): JobBase {
  const { jobs } = toV2Jobs(ir, { outputToRoot: options.outputToRoot, inlineDataInputs: true });
  const inputs: Record<string, { jobInputType: "literal"; value: string }> = {};
  for (const p of ir.parameters) {
    const value =
      options.params?.[p.name] ??
      (typeof p.default === "object" || p.default === undefined ? undefined : String(p.default));
    if (value !== undefined) inputs[p.name] = { jobInputType: "literal", value };
  }
  return {
    properties: {
      jobType: "Pipeline",
      displayName: ir.name,
      experimentName: options.experimentName ?? ir.name,
      ...(ir.description !== undefined ? { description: ir.description } : {}),
      tags: { "amlpipe.submission": options.submissionId, ...options.tags },
      inputs,
      jobs,
      settings: {
        ...(ir.defaultCompute ? { default_compute: `azureml:${ir.defaultCompute}` } : {}),
        continue_on_step_failure: false,
      },
    } as JobBase["properties"],
  };
}

/**
 * Creates the pipeline job, unless a job of this submission exists already (then it is returned): an
 * interrupted submit run again never creates a second job.
 */
export async function submitPipeline(
  ir: PipelineIR,
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  options: SubmitOptions,
): Promise<{ name: string; created: boolean }> {
  const name = jobNameFor(ir, options.submissionId);
  try {
    await client.jobs.get(target.resourceGroup, target.workspace, name);
    return { name, created: false };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  await client.jobs.createOrUpdate(
    target.resourceGroup,
    target.workspace,
    name,
    pipelineJobBody(ir, options),
  );
  return { name, created: true };
}

const TERMINAL = new Set(["Completed", "Failed", "Canceled", "NotResponding", "Paused"]);

/** Polls a job until it ends, reporting each status change; resolves to the final status. */
export async function followJob(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  name: string,
  onStatus: (status: string) => void,
  options: { readonly pollMs?: number; readonly signal?: AbortSignal } = {},
): Promise<string> {
  let last = "";
  for (;;) {
    const job = await client.jobs.get(target.resourceGroup, target.workspace, name);
    const status = job.properties.status ?? "Unknown";
    if (status !== last) onStatus(status);
    last = status;
    if (TERMINAL.has(status)) return status;
    if (options.signal?.aborted) return "Interrupted";
    await new Promise((resolvePromise) => setTimeout(resolvePromise, options.pollMs ?? 10_000));
  }
}
