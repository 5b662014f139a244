import { posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { ArgumentIR, InputBindingIR, StepIR } from "../ir/step.js";
import { pathFromOutput } from "../names/project-paths.js";
import { finding } from "../rules/rule.js";
import { computeValue, datastoreUri, environmentValue, inputMode, outputMode, uriType } from "./v2-values.js";

/** Why a step type has no v2 form, and what Azure suggests instead (docs/v2-target.md cites the sources). */
export const NO_V2_FORM: Partial<Record<StepIR["type"], string>> = {
  AdlaStep:
    "Azure Data Lake Analytics was retired in February 2024 and v2 pipelines have no U-SQL job; move the job to Spark (a Synapse Spark `spark` job) or Microsoft Fabric",
  AzureBatchStep:
    "v2 pipelines have no Azure Batch job; run the executable as a `command` job on an AML compute cluster",
  DatabricksStep:
    "v2 pipelines have no Databricks job; run it as a Databricks job (orchestrated outside Azure ML) or as a `command`/`spark` job on Azure ML compute",
};

/** Marker names carrying `.after()` ordering, which v2 cannot express without data either. */
const AFTER_OUTPUT = "amlpipe_after";

/** Options of {@link toV2Jobs}. */
export interface V2JobOptions {
  /** POSIX path from the v2 YAML's folder to the compile root (for `code:`). */
  readonly outputToRoot: string;
  /**
   * Bind data references into each job directly (`{type, path}`) rather than through pipeline inputs:
   * what the runtime submits, because the 2.1.1 SDK drops `uri`/`mode` of pipeline-level asset inputs.
   */
  readonly inlineDataInputs?: boolean;
}

/** Shell-quotes a literal argument for a v2 `command` string when it needs it. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`;
}

function argumentText(arg: ArgumentIR): string {
  if (typeof arg !== "object") return quote(String(arg));
  return arg.ref === "output" ? `\${{outputs.${arg.name}}}` : `\${{inputs.${arg.name}}}`;
}

/**
 * The v2 `jobs` map of a pipeline (what `pipeline.yaml` holds under `jobs:` and what the runtime puts
 * in the ARM `PipelineJob.jobs`): PythonScriptStep -> `command` (or `spark` for pyspark on Synapse or
 * HDInsight), ParallelRunStep -> `parallel`, DataTransferStep -> `data_transfer`. Steps with no v2
 * form give AP700 errors; ordering without data becomes a marker edge with an AP701 note.
 */
export function toV2Jobs(
  ir: PipelineIR,
  options: V2JobOptions,
): { jobs: Record<string, Record<string, unknown>>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const producers = new Map<string, { step: string; output: string }>();
  for (const step of ir.steps) {
    const outputs = step.type === "DataTransferStep" ? [step.destinationDataReference] : step.outputs;
    for (const o of outputs) producers.set(o.destination, { step: step.key, output: o.name });
  }
  const runsBefore = new Set(ir.steps.flatMap((s) => s.after));
  const environments = new Map(ir.environments.map((e) => [e.name, e]));
  const inputValue = (binding: InputBindingIR): string | Record<string, unknown> => {
    const produced = producers.get(binding.from);
    const reference = options.inlineDataInputs
      ? ir.dataReferences.find((r) => r.name === binding.from)
      : undefined;
    if (!produced && reference?.kind === "datastore_path") {
      return {
        type: uriType(reference.pathOnDatastore),
        path: datastoreUri(reference.datastore, reference.pathOnDatastore),
        mode: inputMode(binding.bindMode),
      };
    }
    const path = produced
      ? `\${{parent.jobs.${produced.step}.outputs.${produced.output}}}`
      : `\${{parent.inputs.${binding.from}}}`;
    return binding.bindMode === "download" ? { path, mode: inputMode(binding.bindMode) } : path;
  };

  const jobs: Record<string, Record<string, unknown>> = {};
  for (const step of ir.steps) {
    const why = NO_V2_FORM[step.type];
    if (why) {
      diagnostics.push(
        finding(
          "AP700",
          `${step.type} "${step.key}" has no v2 form: ${why}`,
          step.source,
          "keep the v1 target for this pipeline, or replace the step as suggested",
        ),
      );
      continue;
    }
    const inputs: Record<string, unknown> = {};
    const allInputs = [
      ...step.inputs,
      ...(step.type === "ParallelRunStep" ? step.sideInputs : []),
      ...(step.type === "DataTransferStep" ? [step.sourceDataReference] : []),
    ];
    for (const binding of allInputs) inputs[binding.name] = inputValue(binding);
    for (const p of step.parameters)
      inputs[p.name] =
        p.value.kind === "literal" ? p.value.value : `\${{parent.inputs.${p.value.parameter}}}`;
    for (const before of step.after) {
      inputs[`${AFTER_OUTPUT}_${before}`] = `\${{parent.jobs.${before}.outputs.${AFTER_OUTPUT}}}`;
      diagnostics.push(
        finding(
          "AP701",
          `step "${step.key}" runs after "${before}" without data; v2 has no such ordering, so the v2 YAML passes a marker output "${AFTER_OUTPUT}" from "${before}" to it`,
          step.source,
          "nothing to do; see docs/v2-target.md",
        ),
      );
    }
    const outputs: Record<string, unknown> = {};
    const allOutputs = step.type === "DataTransferStep" ? [step.destinationDataReference] : step.outputs;
    for (const o of allOutputs) {
      outputs[o.name] = {
        type: "uri_folder",
        mode: outputMode(o.bindMode),
        ...(o.datastore
          ? { path: datastoreUri(o.datastore, `amlpipe/${ir.name}/${step.key}/${o.name}/`) }
          : {}),
      };
    }
    if (runsBefore.has(step.key)) outputs[AFTER_OUTPUT] = { type: "uri_folder", mode: "rw_mount" };
    const code =
      step.sourceDirectory === undefined
        ? undefined
        : pathFromOutput(options.outputToRoot, step.sourceDirectory);
    const common = {
      ...(step.name !== step.key ? { display_name: step.name } : {}),
      ...(computeValue(ir, step.compute) ? { compute: computeValue(ir, step.compute) } : {}),
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
      ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
    };
    const environment = environmentValue(step.environment ? environments.get(step.environment) : undefined);
    const args = step.arguments.map(argumentText).join(" ");
    switch (step.type) {
      case "PythonScriptStep": {
        const compute = ir.computes.find((c) => c.name === (step.compute ?? ir.defaultCompute));
        if (
          step.framework === "pyspark" ||
          compute?.kind === "synapse_spark" ||
          compute?.kind === "hdinsight"
        ) {
          jobs[step.key] = {
            type: "spark",
            ...(code ? { code } : {}),
            entry: { file: step.scriptName },
            ...(args ? { args } : {}),
            conf: {
              "spark.driver.cores": 1,
              "spark.driver.memory": "2g",
              "spark.executor.cores": 2,
              "spark.executor.memory": "2g",
              "spark.executor.instances": 2,
            },
            ...common,
          };
        } else {
          jobs[step.key] = {
            type: "command",
            ...(code ? { code } : {}),
            command: `python ${quote(step.scriptName)}${args ? ` ${args}` : ""}`,
            ...(environment ? { environment } : {}),
            ...common,
          };
        }
        break;
      }
      case "ParallelRunStep": {
        const c = step.parallelRunConfig;
        const [first] = step.inputs;
        const [output] = step.outputs;
        jobs[step.key] = {
          type: "parallel",
          ...common,
          ...(first ? { input_data: `\${{inputs.${first.name}}}` } : {}),
          ...(c.miniBatchSize !== undefined ? { mini_batch_size: c.miniBatchSize } : {}),
          ...(c.errorThreshold !== undefined ? { error_threshold: c.errorThreshold } : {}),
          ...(c.nodeCount !== undefined ? { resources: { instance_count: c.nodeCount } } : {}),
          ...(c.processCountPerNode !== undefined
            ? { max_concurrency_per_instance: c.processCountPerNode }
            : {}),
          task: {
            type: "run_function",
            ...(code ? { code } : {}),
            entry_script: c.entryScript,
            ...(environment ? { environment } : {}),
            ...(args ? { program_arguments: args } : {}),
            ...(output && c.outputAction !== "summary_only"
              ? { append_row_to: `\${{outputs.${output.name}}}` }
              : {}),
          },
        };
        break;
      }
      case "DataTransferStep":
        jobs[step.key] = {
          type: "data_transfer",
          task: "copy_data",
          data_copy_mode: "merge_with_overwrite",
          ...common,
        };
        break;
    }
  }
  return { jobs, diagnostics };
}
