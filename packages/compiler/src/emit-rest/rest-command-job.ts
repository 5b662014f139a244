import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import { toV2Jobs } from "../emit-v2/v2-jobs.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { RestResolver } from "./rest-pipeline.js";

/**
 * A training run as the REST `CommandJob` the official SDK sends for a command job
 * (`PUT jobs/{name}` with `jobType: Command`): its command, `codeId`, `environmentId` and `computeId`
 * as ARM ids. A run on `local` (AP702), a Spark run off Synapse (AP704) and a pyspark run (no command
 * form; AP700) come back as errors: nothing is changed into something else silently.
 */
export function toRestCommandJob(
  ir: PipelineIR,
  resolver: Omit<RestResolver, "componentId">,
): { properties?: Record<string, unknown>; diagnostics: readonly Diagnostic[] } {
  const { jobs, diagnostics } = toV2Jobs(ir, { outputToRoot: "." });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { diagnostics: errors };
  const [key, node] = Object.entries(jobs)[0] ?? [];
  if (!key || !node)
    return {
      diagnostics: [
        diagnostic(
          "AP105",
          `training run "${ir.name}" gave no job to submit (an amlpipe bug: please report it)`,
          {
            at: ir.source,
          },
        ),
      ],
    };
  if (node.type !== "command")
    return {
      diagnostics: [
        diagnostic(
          "AP700",
          `training run "${key}" is a ${String(node.type)} job, which amlpipe submits only as a pipeline step`,
          {
            at: ir.steps[0]?.source ?? ir.source,
            hint: "put the run in a pipeline (`pipeline(...).steps(run)`) and submit that, or submit the v1 .runconfig with `az ml run submit-script`",
          },
        ),
      ],
    };
  const compute = typeof node.compute === "string" ? node.compute.replace(/^azureml:/, "") : undefined;
  return {
    properties: {
      jobType: "Command",
      ...(typeof node.display_name === "string" ? { displayName: node.display_name } : {}),
      command: node.command,
      ...(typeof node.code === "string" ? { codeId: armId(resolver.codeId(node.code)) } : {}),
      environmentId: armId(resolver.environmentId(node.environment as string | Record<string, unknown>)),
      ...(compute ? { computeId: resolver.computeId(compute) } : {}),
    },
    diagnostics: [],
  };
}

/** A job's `codeId` and `environmentId` are plain ARM ids (a component spec's `azureml:` prefix is not theirs). */
function armId(reference: string): string {
  return reference.replace(/^azureml:(?=\/subscriptions\/)/i, "");
}
