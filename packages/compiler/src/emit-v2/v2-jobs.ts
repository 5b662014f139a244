import { type JsonValue, mergeJson } from "@amlpipe/dsl";
import { AFTER_OUTPUT } from "../compiled-directory/after-markers.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { ArgumentIR, InputBindingIR } from "../ir/step.js";
import { computeOf, outputProducers, stepBindings } from "../ir/step-bindings.js";
import { withKind } from "../kinds/steps/index.js";
import { runsAsSpark } from "../kinds/steps/python-script-step.js";
import { pathFromOutput } from "../names/project-paths.js";
import { danglingReferences, providedData } from "./v2-dangling.js";
import {
  computeValue,
  DEFAULT_IMAGE,
  datastoreUri,
  environmentValue,
  inputMode,
  outputMode,
  referenceData,
} from "./v2-values.js";

/** Options of {@link toV2Jobs}. */
export interface V2JobOptions {
  /** POSIX path from the v2 YAML's folder to the compile root (for `code:`). */
  readonly outputToRoot: string;
  /**
   * Bind data references into each job directly (`{type, path}`) rather than through pipeline inputs:
   * what the runtime submits, because the 2.1.1 SDK drops `uri`/`mode` of pipeline-level asset inputs.
   */
  readonly inlineDataInputs?: boolean;
  /**
   * A top-level job (a training run), not a pipeline node: it may run on `local`, which azure-ai-ml
   * runs on the submitting machine.
   */
  readonly topLevelJob?: boolean;
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
  const producers = outputProducers(ir);
  // In v2 a copy's destination is its job's output, so a job reading it is ordered after the copy.
  for (const step of ir.steps)
    for (const written of stepBindings(step).writes)
      if (!producers.has(written.from)) producers.set(written.from, { step: step.key, output: written.name });
  const runsBefore = new Set(ir.steps.flatMap((s) => s.after));
  // Once per pipeline: checking each job against it stays linear in the steps.
  const provided = providedData(ir, producers.keys());
  const environments = new Map(ir.environments.map((e) => [e.name, e]));
  const inputValue = (binding: InputBindingIR): string | Record<string, unknown> => {
    const produced = producers.get(binding.from);
    const reference = options.inlineDataInputs
      ? ir.dataReferences.find((r) => r.name === binding.from)
      : undefined;
    // Datastore paths only: registered assets and local paths stay pipeline inputs (the submit resolves those).
    const data =
      !produced && reference?.kind === "datastore_path"
        ? referenceData(reference, options.outputToRoot)
        : undefined;
    if (data) return { ...data, mode: inputMode(binding.bindMode) };
    const path = produced
      ? `\${{parent.jobs.${produced.step}.outputs.${produced.output}}}`
      : `\${{parent.inputs.${binding.from}}}`;
    return binding.bindMode === "download" ? { path, mode: inputMode(binding.bindMode) } : path;
  };

  const jobs: Record<string, Record<string, unknown>> = {};
  for (const step of ir.steps) {
    const bindings = stepBindings(step);
    const inputs: Record<string, unknown> = {};
    for (const binding of bindings.inputs) inputs[binding.name] = inputValue(binding);
    for (const p of step.parameters)
      inputs[p.name] =
        p.value.kind === "literal" ? p.value.value : `\${{parent.inputs.${p.value.parameter}}}`;
    for (const before of step.after) {
      inputs[`${AFTER_OUTPUT}_${before}`] = `\${{parent.jobs.${before}.outputs.${AFTER_OUTPUT}}}`;
    }
    const outputs: Record<string, unknown> = {};
    for (const o of bindings.outputs) {
      outputs[o.name] = {
        type: "uri_folder",
        mode: outputMode(o.bindMode),
        ...(o.datastore
          ? { path: datastoreUri(o.datastore, `amlpipe/${ir.name}/${step.key}/${o.name}/`) }
          : {}),
      };
    }
    if (runsBefore.has(step.key)) outputs[AFTER_OUTPUT] = { type: "uri_folder", mode: "rw_mount" };
    const compute = computeValue(ir, step.compute);
    const computeKind = computeOf(ir, step)?.kind;
    const refusal = v2Refusal(
      step,
      computeKind,
      step.compute ?? ir.defaultCompute,
      options.topLevelJob === true,
    );
    if (refusal) {
      diagnostics.push(refusal);
      // A warning says the job may not run where it is; it is still written.
      if (refusal.severity === "error") continue;
    }
    const environment =
      environmentValue(step.environment ? environments.get(step.environment) : undefined) ?? NO_ENVIRONMENT;
    const code =
      step.sourceDirectory === undefined
        ? undefined
        : pathFromOutput(options.outputToRoot, step.sourceDirectory);
    const args = step.arguments.map(argumentText).join(" ");
    const node = withKind(step, (kind, own) =>
      kind.v2(own, {
        common: {
          ...(step.name !== step.key ? { display_name: step.name } : {}),
          ...(compute ? { compute } : {}),
          ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
          ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
        },
        ...(code ? { code } : {}),
        ...(environment ? { environment } : {}),
        args,
        quote,
        referenceOutput: (name) => {
          const reference = ir.dataReferences.find((r) => r.name === name);
          return (reference && referenceData(reference, options.outputToRoot)) ?? { type: "uri_folder" };
        },
        ...(computeKind ? { computeKind } : {}),
      }),
    );
    if ("noV2Form" in node) {
      diagnostics.push(
        diagnostic("AP700", `${step.type} "${step.key}" has no v2 form: ${node.noV2Form}`, {
          at: step.source,
          hint: "keep the v1 target for this pipeline, or replace the step as suggested",
        }),
      );
      continue;
    }
    for (const before of step.after) {
      diagnostics.push(
        diagnostic(
          "AP701",
          `step "${step.key}" runs after "${before}" without data; v2 has no such ordering, so the v2 YAML passes a marker output "${AFTER_OUTPUT}" from "${before}" to it`,
          { at: step.source, hint: "nothing to do; see docs/v2-target.md" },
        ),
      );
    }
    const dangling = danglingReferences(step, node, provided);
    if (dangling.length > 0) {
      diagnostics.push(...dangling);
      continue;
    }
    if (node.type === "spark") directModes(node);
    diagnostics.push(...environmentWarnings(step, node, environments));
    if (node.type === "data_transfer" && computeKind === "data_factory")
      diagnostics.push(
        diagnostic(
          "AP706",
          `step "${step.key}" copies on the attached Data Factory "${step.compute ?? ir.defaultCompute}"; v2 has no Data Factory compute and azure-ai-ml's own copies run on serverless compute, so this job may be refused`,
          {
            at: step.source,
            hint: "keep the v1 target for this copy, or check the v2 job on a workspace before relying on it",
            severity: "warning",
          },
        ),
      );
    // The user's override, merged as written (checked with the whole document by emitV2).
    jobs[step.key] = step.overrides?.v2
      ? mergeJson(node as JsonObject, step.overrides.v2 as JsonObject)
      : node;
  }
  return { jobs, diagnostics };
}

/** A JSON object, as the DSL's overrides are. */
type JsonObject = { readonly [key: string]: JsonValue };

/** What runs a step that names no environment: Azure ML's base image (v2 command and parallel jobs need one). */
export const NO_ENVIRONMENT = { image: DEFAULT_IMAGE };

/** Spark jobs read and write data directly: azure-ai-ml refuses any other mode for their inputs and outputs. */
function directModes(node: Record<string, unknown>): void {
  for (const side of ["inputs", "outputs"] as const) {
    const bindings = node[side] as Record<string, unknown> | undefined;
    if (!bindings) continue;
    for (const [name, value] of Object.entries(bindings))
      bindings[name] =
        value !== null && typeof value === "object"
          ? { ...(value as Record<string, unknown>), mode: "direct" }
          : side === "inputs" && typeof value === "string" && value.startsWith("${{parent.")
            ? { path: value, mode: "direct" }
            : value;
  }
}

/**
 * Why a step has no faithful v2 job where it runs (a v2 pipeline job cannot run on `local`; v2 Spark
 * not on HDInsight): an error; a warning when its compute's kind is not known here.
 */
function v2Refusal(
  step: PipelineIR["steps"][number],
  computeKind: string | undefined,
  computeName: string | undefined,
  topLevelJob: boolean,
): Diagnostic | undefined {
  if (computeKind === "local" && !topLevelJob)
    return diagnostic(
      "AP702",
      `step "${step.key}" runs on the local compute, which no job in an Azure ML workspace can use (a v2 pipeline node, or a submitted run)`,
      {
        at: step.source,
        hint: "bind the step to a compute of the workspace (e.g. an aml_cluster) for v2, or run it with `amlpipe run`",
      },
    );
  const spark = step.type === "PythonScriptStep" && runsAsSpark(step, computeKind);
  if (spark && (computeKind === "unknown" || computeKind === undefined) && computeName !== undefined)
    // Named but not described here (a v2 file's `azureml:pool`): it may well be a Synapse pool.
    return diagnostic(
      "AP704",
      `step "${step.key}" is a Spark job on "${computeName}", whose kind is not known here; v2 Spark jobs run only on an attached Synapse Spark pool`,
      {
        at: step.source,
        hint: `make sure "${computeName}" is a Synapse Spark pool (declare it with synapseSpark(...) to have it checked)`,
        severity: "warning",
      },
    );
  if (spark && computeKind !== "synapse_spark")
    return diagnostic(
      "AP704",
      `step "${step.key}" is a Spark job on ${computeKind ?? "no compute"}; v2 Spark jobs run only on an attached Synapse Spark pool`,
      {
        at: step.source,
        hint: "run it on synapseSpark(...), or keep the v1 target for this pipeline",
      },
    );
  return undefined;
}

/**
 * AP705 warnings for a command or parallel job whose environment v2 cannot carry: none at all, or a
 * user-managed interpreter (v2 has no such environment); both get Azure ML's base image.
 */
function environmentWarnings(
  step: PipelineIR["steps"][number],
  node: Record<string, unknown>,
  environments: ReadonlyMap<string, EnvironmentIR>,
): Diagnostic[] {
  if (node.type !== "command" && node.type !== "parallel") return [];
  const environment = step.environment ? environments.get(step.environment) : undefined;
  if (environment?.kind === "user_managed")
    return [
      diagnostic(
        "AP705",
        `step "${step.key}" runs with the user-managed interpreter "${environment.interpreterPath}", which v2 jobs cannot name; the Azure ML base image is written instead`,
        {
          at: step.source,
          hint: "give the step a docker(...) or curated(...) environment for v2, or keep the v1 target",
          severity: "warning",
        },
      ),
    ];
  if (step.environment) return [];
  return [
    diagnostic(
      "AP705",
      `step "${step.key}" names no environment; v2 jobs need one, so the Azure ML base image is written`,
      {
        at: step.source,
        hint: "give the step an environment (curated(...), conda(...) or docker(...)) to pin what it runs with",
        severity: "warning",
      },
    ),
  ];
}
