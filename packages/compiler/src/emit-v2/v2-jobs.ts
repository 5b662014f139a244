import { AFTER_OUTPUT } from "../compiled-directory/after-markers.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { ArgumentIR, InputBindingIR } from "../ir/step.js";
import { computeOf, outputProducers, stepBindings } from "../ir/step-bindings.js";
import { withKind } from "../kinds/steps/index.js";
import { pathFromOutput } from "../names/project-paths.js";
import { computeValue, datastoreUri, environmentValue, inputMode, outputMode, uriType } from "./v2-values.js";

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
  const producers = outputProducers(ir);
  // In v2 a copy's destination is its job's output, so a job reading it is ordered after the copy.
  for (const step of ir.steps)
    for (const written of stepBindings(step).writes)
      if (!producers.has(written.from)) producers.set(written.from, { step: step.key, output: written.name });
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
    const environment = environmentValue(step.environment ? environments.get(step.environment) : undefined);
    const code =
      step.sourceDirectory === undefined
        ? undefined
        : pathFromOutput(options.outputToRoot, step.sourceDirectory);
    const args = step.arguments.map(argumentText).join(" ");
    const computeKind = computeOf(ir, step)?.kind;
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
          return reference?.kind === "datastore_path"
            ? {
                type: uriType(reference.pathOnDatastore),
                path: datastoreUri(reference.datastore, reference.pathOnDatastore),
              }
            : { type: "uri_folder" };
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
    jobs[step.key] = node;
  }
  return { jobs, diagnostics };
}
