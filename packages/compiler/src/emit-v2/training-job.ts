import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { toV2Jobs } from "./v2-jobs.js";

/** The `$schema` of the v2 job YAML of each node type a training run can become. */
const JOB_SCHEMAS: Readonly<Record<string, string>> = {
  command: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json",
  spark: "https://azuremlschemas.azureedge.net/latest/sparkJob.schema.json",
};

/**
 * A training run as a v2 job document (`job.yaml`, for `az ml job create -f`): the command (or, for
 * pyspark on Synapse, Spark) node its step becomes in a v2 pipeline, standing alone with its
 * experiment name. Undefined, with the diagnostics saying why, when the step has no v2 form there.
 */
export function trainingJobDocument(
  ir: PipelineIR,
  outputToRoot: string,
): { document?: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const { jobs, diagnostics } = toV2Jobs(ir, { outputToRoot, topLevelJob: true });
  const node = Object.values(jobs)[0];
  if (!node || !ir.trainingRun) return { diagnostics };
  const schema = JOB_SCHEMAS[String(node.type)];
  if (!schema) return { diagnostics };
  const { display_name: displayName, ...rest } = node;
  return {
    document: {
      $schema: schema,
      ...rest,
      experiment_name: ir.trainingRun.experiment,
      ...(displayName !== undefined ? { display_name: displayName } : {}),
    },
    diagnostics,
  };
}
