import { randomUUID } from "node:crypto";
import type { BlobBackend } from "./blob-backend.js";
import { ARTIFACT_CONTAINER, runArtifactsPrefix } from "./command-job.js";
import type { JobResource } from "./emulator-state.js";
import { assetOfId } from "./job-references.js";
import { newResource, type RouteContext } from "./resource-routes.js";

/**
 * A pipeline job's steps run as child jobs of their own, each with its own name (a GUID), status and
 * logs, which `GET jobs/<child>` answers (as `az ml job show -n <child>` does). The ARM definitions
 * have no parent link, so the emulator marks a child with this fact, and leaves children out of the
 * workspace's job list, as Studio's job list leaves step runs out.
 */
export const PARENT_FACT = "amlpipe.emulator.parentJob";
/** The node of its pipeline a child job runs. */
export const NODE_FACT = "amlpipe.emulator.node";

/** Where the service writes a pipeline job's execution log, in its artifact folder. */
export const EXECUTION_LOG = "logs/azureml/executionlogs.txt";
/** A step run's own output, in its artifact folder (a v2 command job's). */
export const STEP_LOG = "user_logs/std_log.txt";

const facts = (job: JobResource) => (job.properties.properties ?? {}) as Record<string, string>;

/** True for a job the emulator created as one step of a pipeline job. */
export function isStepRun(job: JobResource): boolean {
  return facts(job)[PARENT_FACT] !== undefined;
}

/** The step runs of `parent`, in node order. */
export function stepRunsOf(jobs: Record<string, JobResource>, parent: string): JobResource[] {
  return Object.values(jobs)
    .filter((job) => facts(job)[PARENT_FACT] === parent)
    .sort((a, b) => String(facts(a)[NODE_FACT]).localeCompare(String(facts(b)[NODE_FACT])));
}

/** The time stamp of the service's execution log lines: `[2026-12-03 09:10:11Z]`. */
function stamp(): string {
  return `[${new Date().toISOString().slice(0, 19).replace("T", " ")}Z]`;
}

/** A node's command job: its component's command and environment, on its compute or the pipeline's. */
function childProperties(ctx: RouteContext, parent: JobResource, node: string): Record<string, unknown> {
  const n = ((parent.properties.jobs ?? {}) as Record<string, Record<string, unknown>>)[node] ?? {};
  const component = assetOfId(String(n.componentId ?? ""), "components");
  const spec = (
    component ? ctx.ws.components[component.name]?.[component.version]?.properties.componentSpec : undefined
  ) as Record<string, unknown> | undefined;
  const settings = (parent.properties.settings ?? {}) as Record<string, unknown>;
  const computeId = n.computeId ?? settings.defaultCompute ?? parent.properties.computeId;
  return {
    jobType: "Command",
    displayName: node,
    experimentName: parent.properties.experimentName,
    command: String(spec?.command ?? ""),
    environmentId: String(spec?.environment ?? ""),
    ...(typeof computeId === "string" ? { computeId } : {}),
    status: "Running",
    properties: { [PARENT_FACT]: parent.name, [NODE_FACT]: node },
  };
}

/**
 * Keeps a pipeline job's step runs in step with it, as a poll finds it: when it starts running, one
 * child job per node starts, and the execution log says which (in the service's words, five runs a
 * line as the service lists them); when it ends, they end: all Completed, or, when it failed, the
 * step its failure names (or the first) Failed and the others Canceled. Each child's log says what it would run.
 */
export async function syncStepRuns(ctx: RouteContext, parent: JobResource): Promise<void> {
  if (parent.properties.jobType !== "Pipeline") return;
  const status = String(parent.properties.status);
  const log = `${runArtifactsPrefix(parent.name)}/${EXECUTION_LOG}`;
  let runs = stepRunsOf(ctx.ws.jobs, parent.name);
  if (runs.length === 0 && status === "Running") {
    runs = Object.keys((parent.properties.jobs ?? {}) as object)
      .sort()
      .map((node) => {
        const child = newResource(ctx, "jobs", randomUUID(), childProperties(ctx, parent, node));
        ctx.ws.jobs[child.name] = child;
        return child;
      });
    const lines = [];
    for (let i = 0; i < runs.length; i += 5) {
      const batch = runs.slice(i, i + 5);
      const listed = batch.map((run) => `${facts(run)[NODE_FACT]}:${run.name}`).join(",");
      lines.push(`${stamp()} Submitting ${batch.length} runs, first five are: ${listed}`);
    }
    await ctx.blobs.appendBlob(ARTIFACT_CONTAINER, log, `${lines.join("\n")}\n`);
    for (const run of runs)
      await appendStepLog(ctx.blobs, run, [`would run: ${String(run.properties.command)}`]);
  }
  if (!["Completed", "Failed", "Canceled"].includes(status)) return;
  const failure = facts(parent)["amlpipe.emulator.failure"];
  // The step a failure names (`the code of job "train" ...`) fails; else the first one.
  const named = runs.find((run) => failure?.includes(`"${facts(run)[NODE_FACT]}"`)) ?? runs[0];
  const lines = [];
  for (const run of runs) {
    if (["Completed", "Failed", "Canceled"].includes(String(run.properties.status))) continue;
    run.properties.status = status !== "Failed" ? status : run === named ? "Failed" : "Canceled";
    await appendStepLog(ctx.blobs, run, [
      `${String(run.properties.status)}${run.properties.status === "Failed" && failure ? `: ${failure}` : ""}`,
    ]);
    lines.push(`${stamp()} Completing processing run id ${run.name}.`);
  }
  if (lines.length > 0) {
    const end =
      status === "Failed"
        ? "Execution of experiment failed, update experiment status and cancel running nodes."
        : "Finishing experiment: no runs left and nothing to schedule.";
    await ctx.blobs.appendBlob(ARTIFACT_CONTAINER, log, `${[...lines, `${stamp()} ${end}`].join("\n")}\n`);
  }
}

/** Adds lines to a step run's own log, each marked as the emulator's and stamped. */
async function appendStepLog(blobs: BlobBackend, run: JobResource, lines: readonly string[]): Promise<void> {
  const at = new Date().toISOString();
  const text = lines.map((line) => `[amlpipe emulator] ${at} ${line}\n`).join("");
  await blobs.appendBlob(ARTIFACT_CONTAINER, `${runArtifactsPrefix(run.name)}/${STEP_LOG}`, text);
}
