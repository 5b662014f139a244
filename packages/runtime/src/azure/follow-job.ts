import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { WorkspaceTarget } from "./create-client.js";

/**
 * The states that end a job (mfe.json `JobStatus`). NotResponding and Paused are not among them: a
 * job comes back from NotResponding, and a paused one is resumed.
 */
export const FINAL_JOB_STATES: ReadonlySet<string> = new Set(["Completed", "Failed", "Canceled"]);

/** Waits `ms`, or less when the signal aborts: an interrupt is noticed at once, not after the next poll. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolvePromise) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolvePromise();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Polls a job until it ends, reporting each status change; resolves to the final status. */
export async function followJob(
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  name: string,
  onStatus: (status: string) => void,
  options: {
    readonly pollMs?: number;
    readonly signal?: AbortSignal;
    /** Called after every poll (a command job's log is read here), and once more at the end. */
    readonly onPoll?: () => Promise<void>;
  } = {},
): Promise<string> {
  let last = "";
  for (;;) {
    const job = await client.jobs.get(target.resourceGroup, target.workspace, name);
    const status = job.properties.status ?? "Unknown";
    if (status !== last) onStatus(status);
    last = status;
    await options.onPoll?.();
    if (FINAL_JOB_STATES.has(status)) return status;
    if (options.signal?.aborted) return "Interrupted";
    await pause(options.pollMs ?? 10_000, options.signal);
    if (options.signal?.aborted) return "Interrupted";
  }
}
