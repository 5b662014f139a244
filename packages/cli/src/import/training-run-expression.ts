import {
  type PipelineIR,
  type TsExpression,
  tsArray,
  tsCall,
  tsChain,
  tsIdentifier,
  tsLiteral,
  tsObject,
} from "@amlpipe/compiler";
import { importedDirectory } from "./declare-steps.js";
import type { GenerationState } from "./generation-state.js";

/**
 * The default export of an imported training run: `scriptRun(name, { script, sourceDirectory })`
 * with its compute, environment, arguments, framework and experiment (computes and environments are
 * consts declared before). Training-run arguments are literals only.
 */
export function trainingRunExpression(
  ir: PipelineIR,
  state: GenerationState,
  tsFileDir: string,
): TsExpression {
  const [step] = ir.steps;
  if (step?.type !== "PythonScriptStep" || !ir.trainingRun)
    throw new Error(`"${ir.name}" is not a training run`);
  state.use("scriptRun");
  const sourceDirectory = importedDirectory(tsFileDir, step.sourceDirectory ?? ".");
  const calls: [string, ...TsExpression[]][] = [];
  const compute = step.compute && state.computes.get(step.compute);
  if (compute) calls.push(["on", tsIdentifier(compute)]);
  const environment = step.environment && state.environments.get(step.environment);
  if (environment) calls.push(["environment", tsIdentifier(environment)]);
  const literals = step.arguments.filter((a) => typeof a !== "object");
  if (literals.length > 0) calls.push(["args", tsArray(literals.map((a) => tsLiteral(a)))]);
  if (step.framework === "pyspark") calls.push(["framework", tsLiteral("pyspark")]);
  if (ir.trainingRun.experiment !== ir.name) calls.push(["experiment", tsLiteral(ir.trainingRun.experiment)]);
  state.report.push({ construct: `training run "${ir.name}"`, status: "clean" });
  const options = tsObject({
    script: tsLiteral(step.scriptName),
    sourceDirectory: tsLiteral(sourceDirectory),
  });
  return tsChain(tsCall(tsIdentifier("scriptRun"), tsLiteral(step.key), options), calls);
}
