import type { PipelineIR } from "../ir/pipeline.js";
import type { PythonScriptStepIR } from "../ir/step.js";
import { argumentText } from "./binding-documents.js";
import { environmentDocument } from "./runconfig-document.js";

/**
 * The one step a training run is made of. The lowering and the reader give a training run exactly one
 * PythonScriptStep; anything else is an amlpipe bug, said plainly.
 */
export function trainingRunStep(ir: PipelineIR): PythonScriptStepIR {
  const [step, ...rest] = ir.steps;
  if (!step || rest.length > 0 || step.type !== "PythonScriptStep")
    throw new Error(`training run "${ir.name}" must hold exactly one PythonScriptStep`);
  return step;
}

/** The compute a training run targets: its own, else `local` (the SDK v1's RunConfiguration default). */
export function trainingRunTarget(ir: PipelineIR): string {
  return trainingRunStep(ir).compute ?? ir.defaultCompute ?? "local";
}

/**
 * The RunConfiguration YAML of a training run (`<name>.runconfig`), in the current (camelCase)
 * format that `RunConfiguration.load` reads and `az ml run submit-script -c <name>` submits: the
 * script and its arguments (as text: the SDK passes them on the command line), the target, the
 * framework and the environment.
 */
export function trainingRunconfigDocument(ir: PipelineIR): Record<string, unknown> {
  const step = trainingRunStep(ir);
  const environment = ir.environments.find((e) => e.name === step.environment);
  return {
    script: step.scriptName,
    arguments: step.arguments.map((a) => argumentText(a)),
    target: trainingRunTarget(ir),
    framework: step.framework === "pyspark" ? "PySpark" : "Python",
    environment: environmentDocument(environment),
  };
}
