import type {
  AnyStep,
  Argument,
  InputBinding,
  InputSource,
  OutputBinding,
  StepParamBinding,
} from "@amlpipe/dsl";
import type {
  ArgumentIR,
  InputBindingIR,
  OutputBindingIR,
  ParallelRunConfigIR,
  StepBaseIR,
  StepIR,
  StepParameterIR,
} from "../ir/step.js";
import type { LowerContext } from "./lower-context.js";

/** The intermediate data name an output is written as: explicit, else `<step>_<output>`. */
export function destinationOf(step: AnyStep, outputName: string): string {
  const output = step.def.outputs.find((o: OutputBinding) => o.name === outputName);
  return output?.destination ?? `${step.name}_${outputName}`;
}

/** The name an input reads from: a data reference, dataset, datapath parameter or intermediate data. */
export function sourceName(source: InputSource): string {
  return source.kind === "step_output" ? destinationOf(source.step, source.name) : source.name;
}

function lowerInput(binding: InputBinding, context: LowerContext): InputBindingIR {
  return {
    name: binding.name,
    from: sourceName(binding.source),
    ...(binding.bindMode ? { bindMode: binding.bindMode } : {}),
    ...(binding.pathOnCompute ? { pathOnCompute: binding.pathOnCompute } : {}),
    source: context.position(binding.location),
  };
}

function lowerOutput(step: AnyStep, binding: OutputBinding, context: LowerContext): OutputBindingIR {
  return {
    name: binding.name,
    destination: destinationOf(step, binding.name),
    ...(binding.datastore ? { datastore: binding.datastore.name } : {}),
    ...(binding.bindMode ? { bindMode: binding.bindMode } : {}),
    ...(binding.pathOnCompute ? { pathOnCompute: binding.pathOnCompute } : {}),
    source: context.position(binding.location),
  };
}

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

/** A DSL step as an IR step, with every binding resolved to names. */
export function lowerStep(step: AnyStep, context: LowerContext): StepIR {
  const def = step.def;
  const base: StepBaseIR = {
    key: def.name,
    name: def.displayName ?? def.name,
    source: context.position(def.location),
    ...(def.compute ? { compute: def.compute.name } : {}),
    ...(def.sourceDirectory !== undefined
      ? { sourceDirectory: context.sourceDirectory(def.sourceDirectory, def.location) }
      : {}),
    ...(def.environment ? { environment: def.environment.name } : {}),
    arguments: def.args.map(lowerArgument),
    parameters: def.params.map((p) => lowerParam(p, context)),
    inputs: def.inputs.map((i) => lowerInput(i, context)),
    outputs: def.outputs.map((o) => lowerOutput(step, o, context)),
    allowReuse: def.allowReuse,
    after: def.after.map((s) => s.name),
  };
  const settings = withoutUndefined(def.settings as Record<string, unknown>);
  switch (def.type) {
    case "DataTransferStep": {
      const [source, ...otherInputs] = base.inputs;
      const [destination, ...otherOutputs] = base.outputs;
      return {
        ...base,
        type: "DataTransferStep",
        inputs: otherInputs,
        outputs: otherOutputs,
        sourceDataReference: source ?? { name: "source", from: "", source: base.source },
        destinationDataReference: destination ?? {
          name: "destination",
          destination: "",
          source: base.source,
        },
        ...settings,
      } as StepIR;
    }
    case "ParallelRunStep": {
      return {
        ...base,
        type: "ParallelRunStep",
        parallelRunConfig: settings as unknown as ParallelRunConfigIR,
        sideInputs: def.sideInputs.map((i) => lowerInput(i, context)),
      } as StepIR;
    }
    case "AzureBatchStep":
      return {
        ...base,
        type: "AzureBatchStep",
        createPool: false,
        vmSize: "standard_d1_v2",
        deleteBatchJobAfterFinish: true,
        deleteBatchPoolAfterFinish: false,
        isPositiveExitCodeFailure: true,
        runTaskAsAdmin: false,
        targetComputeNodes: 1,
        ...settings,
      } as StepIR;
    default:
      return { ...base, type: def.type, ...settings } as StepIR;
  }
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
