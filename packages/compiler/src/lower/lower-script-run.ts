import { Pipeline, type ScriptRun } from "@amlpipe/dsl";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { type LowerOptions, lowerPipeline } from "./lower-pipeline.js";

/**
 * Turns a DSL training run into the IR: the one-step pipeline it is (so every rule that checks a
 * PythonScriptStep checks it too, at the same lines), marked as a training run with its experiment.
 */
export function lowerScriptRun(
  run: ScriptRun,
  options: LowerOptions,
): { ir: PipelineIR | undefined; diagnostics: Diagnostic[] } {
  const asPipeline = new Pipeline({
    name: run.name,
    params: [],
    references: [],
    steps: [run],
    schedules: [],
    location: run.def.location,
  });
  const lowered = lowerPipeline(asPipeline, options);
  if (!lowered.ir) return lowered;
  return {
    ir: { ...lowered.ir, trainingRun: { experiment: run.run.experiment ?? run.name } },
    diagnostics: lowered.diagnostics,
  };
}
