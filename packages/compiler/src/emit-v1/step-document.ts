import { type JsonValue, mergeJson } from "@amlpipe/dsl";
import { AFTER_DATA_PREFIX, AFTER_OUTPUT } from "../compiled-directory/after-markers.js";
import type { StepIR } from "../ir/step.js";
import { stepBindings } from "../ir/step-bindings.js";
import { STEP_KINDS, withKind } from "../kinds/steps/index.js";
import { pathFromOutput } from "../names/project-paths.js";
import {
  argumentText,
  bindingMap,
  inputDocument,
  outputDocument,
  parametersDocument,
} from "./binding-documents.js";

/** What a step's document needs from the rest of the pipeline. */
export interface StepDocumentContext {
  /** POSIX path from the compiled directory to the compile root. */
  readonly outputToRoot: string;
  /** The step's runconfig path inside the compiled directory, if it has one. */
  readonly runconfig?: string;
  /** The path of the file the step's kind writes beside pipeline.yaml (a ParallelRunConfig). */
  readonly parallelRunConfig?: string;
  /** Whether some step runs after this one without data (it then writes a marker output). */
  readonly runsBeforeOthers: boolean;
}

/**
 * One step as its v1 YAML map: common keys first, then the step type's own keys, then the user's
 * `override("v1", ...)` merged as written (checked with the whole document by emitV1).
 */
export function stepDocument(step: StepIR, context: StepDocumentContext): Record<string, unknown> {
  const document = generatedStepDocument(step, context);
  return step.overrides?.v1 ? mergeJson(document as JsonObject, step.overrides.v1 as JsonObject) : document;
}

/** A JSON object, as the DSL's overrides are. */
type JsonObject = { readonly [key: string]: JsonValue };

function generatedStepDocument(step: StepIR, context: StepDocumentContext): Record<string, unknown> {
  const inputs = [
    ...step.inputs.map((b) => [b.name, inputDocument(b)] as const),
    ...step.after.map(
      (key) => [`${AFTER_DATA_PREFIX}${key}`, { source: `${AFTER_DATA_PREFIX}${key}` }] as const,
    ),
  ];
  const outputs = bindingMap(step.outputs, outputDocument);
  const { sideInputs } = stepBindings(step);
  if (context.runsBeforeOthers) outputs[AFTER_OUTPUT] = { destination: `${AFTER_DATA_PREFIX}${step.key}` };
  const omitted: readonly string[] = STEP_KINDS[step.type].v1OmittedCommonKeys ?? [];
  return {
    type: step.type,
    name: step.name,
    ...(step.compute && !omitted.includes("compute") ? { compute: step.compute } : {}),
    ...(step.sourceDirectory !== undefined && !omitted.includes("source_directory")
      ? {
          // Backslashes are Windows separators here (the reader normalises them the same way).
          source_directory: pathFromOutput(context.outputToRoot, step.sourceDirectory),
        }
      : {}),
    ...(context.runconfig && !omitted.includes("runconfig") ? { runconfig: context.runconfig } : {}),
    ...withKind(step, (kind, own) =>
      kind.emitV1(own, context.parallelRunConfig ? { sideFile: context.parallelRunConfig } : {}),
    ),
    ...(sideInputs.length > 0 ? { side_inputs: bindingMap(sideInputs, inputDocument) } : {}),
    ...(step.arguments.length > 0 ? { arguments: step.arguments.map(argumentText) } : {}),
    ...(step.parameters.length > 0 ? { parameters: parametersDocument(step.parameters) } : {}),
    ...(inputs.length > 0 ? { inputs: Object.fromEntries(inputs) } : {}),
    ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
    allow_reuse: step.allowReuse,
  };
}
