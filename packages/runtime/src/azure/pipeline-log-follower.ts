import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { ContainerClient } from "@azure/storage-blob";
import type { WorkspaceTarget } from "./create-client.js";
import { logFollower } from "./run-artifacts.js";

/** A pipeline job's execution log, in its artifact folder. */
export const EXECUTION_LOG = "logs/azureml/executionlogs.txt";
/** A step run's own output (a v2 command job's). */
export const STEP_LOG = "user_logs/std_log.txt";

/**
 * The service's execution log names the step runs it starts, five a line at most:
 * `[2026-12-03 09:10:11Z] Submitting 2 runs, first five are: prep:6f1c...,train:0b2e...` (the format
 * Azure ML's own local orchestrator copies). Each entry is `<node id>:<run id>`.
 */
const SUBMITTING = /Submitting \d+ runs?, first five are: (.+)$/;

/** One step run found in the execution log. */
export interface StepRun {
  readonly runId: string;
  /** The step's name as Studio shows it (the child job's display name), else its node id. */
  readonly step: string;
  readonly nextLines: () => Promise<string[]>;
  /** The last lines seen of its log, for the tail printed when it failed. */
  readonly recent: string[];
}

/** The step runs an execution log line names: `[node, runId]` pairs. */
export function stepRunsNamedBy(line: string): [string, string][] {
  const listed = SUBMITTING.exec(line)?.[1];
  if (!listed) return [];
  return listed.split(",").flatMap((entry) => {
    const at = entry.indexOf(":");
    return at > 0
      ? [
          [
            entry.slice(0, at).trim(),
            entry
              .slice(at + 1)
              .trim()
              .replace(/\.$/, ""),
          ],
        ]
      : [];
  }) as [string, string][];
}

/**
 * Follows a pipeline job's execution log and, through the step runs it names, each step's own log.
 * Each call returns the lines added since the last: the execution log's as they are, a step's
 * prefixed with `[<step>] `. `failedTails` gives the end of each failed step's log.
 */
export function pipelineLogFollower(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  container: ContainerClient,
  jobName: string,
  tailLines = 20,
): { next: () => Promise<string[]>; failedTails: () => Promise<string[]> } {
  const execution = logFollower(container, jobName, EXECUTION_LOG);
  const runs = new Map<string, StepRun>();
  const displayName = async (runId: string, node: string) => {
    try {
      return (
        (await client.jobs.get(target.resourceGroup, target.workspace, runId)).properties.displayName ?? node
      );
    } catch {
      return node;
    }
  };
  const next = async () => {
    const out: string[] = [];
    for (const line of await execution()) {
      out.push(line);
      for (const [node, runId] of stepRunsNamedBy(line))
        if (!runs.has(runId))
          runs.set(runId, {
            runId,
            step: await displayName(runId, node),
            nextLines: logFollower(container, runId, STEP_LOG),
            recent: [],
          });
    }
    for (const run of runs.values())
      for (const line of await run.nextLines()) {
        out.push(`[${run.step}] ${line}`);
        run.recent.push(line);
        if (run.recent.length > tailLines) run.recent.shift();
      }
    return out;
  };
  const failedTails = async () => {
    const out: string[] = [];
    for (const run of runs.values()) {
      const job = await client.jobs.get(target.resourceGroup, target.workspace, run.runId);
      if (job.properties.status !== "Failed") continue;
      out.push(`step ${run.step} failed (job ${run.runId}); the end of its log:`);
      out.push(...run.recent.map((line) => `  ${line}`));
    }
    return out;
  };
  return { next, failedTails };
}
