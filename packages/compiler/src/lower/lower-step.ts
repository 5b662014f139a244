import type { AnyStep, Argument, StepDef, StepParamBinding } from "@amlpipe/dsl";
import type { ArgumentIR, StepBaseIR, StepIR, StepParameterIR } from "../ir/step.js";
import { STEP_KINDS, withKind } from "../kinds/steps/index.js";
import { lowerInput, lowerOutput } from "./lower-bindings.js";
import type { LowerContext } from "./lower-context.js";

function lowerParam(binding: StepParamBinding, context: LowerContext): StepParameterIR {
  const value = binding.value;
  return {
    name: binding.name,
    value:
      typeof value === "object"
        ? { kind: "pipeline_parameter", parameter: value.name }
        : { kind: "literal", value },
    source: context.position(binding.location),
  };
}

/** An argument: a token, or its literal as text (a process gets text; the v1 loader demands it). */
function lowerArgument(argument: Argument): ArgumentIR {
  return typeof argument === "object" ? { ref: argument.ref, name: argument.name } : String(argument);
}

/**
 * A DSL step as an IR step, with every binding resolved to names; `environment` is the one it runs
 * in (its own, or the pipeline's default).
 */
export function lowerStep(step: AnyStep, context: LowerContext, environment = step.def.environment): StepIR {
  const def = step.def;
  // Only a kind that reads side inputs lowers them; any other keeps them for AP209 to report.
  const unreadSideInputs = STEP_KINDS[def.type].features.sideInputs ? [] : def.sideInputs;
  const base: StepBaseIR = {
    key: def.name,
    name: def.displayName ?? def.name,
    source: context.position(def.location),
    ...(def.compute ? { compute: def.compute.name } : {}),
    ...(def.overrides
      ? {
          overrides: {
            ...(def.overrides.v1 ? { v1: def.overrides.v1 } : {}),
            ...(def.overrides.v2 ? { v2: def.overrides.v2 } : {}),
            source: context.position(def.overrides.location),
          },
        }
      : {}),
    ...(def.sourceDirectory !== undefined
      ? { sourceDirectory: context.sourceDirectory(def.sourceDirectory, def.location) }
      : {}),
    ...(environment ? { environment: environment.name } : {}),
    arguments: def.args.map(lowerArgument),
    parameters: def.params.map((p) => lowerParam(p, context)),
    inputs: def.inputs.map((i) => lowerInput(i, context)),
    outputs: def.outputs.map((o) => lowerOutput(step, o, context)),
    allowReuse: def.allowReuse,
    after: def.after.map((s) => s.name),
    ...(unreadSideInputs.length > 0
      ? { unreadSideInputs: unreadSideInputs.map((i) => lowerInput(i, context)) }
      : {}),
  };

  // The kind lowers its own settings and bindings; `withKind` types the base as that kind's.
  return withKind(
    { ...base, type: def.type } as StepIR,
    (kind): StepIR => kind.lower(base, def as StepDef<typeof kind.type>, context) as StepIR,
  );
}
