import type { AnyStep, InputBinding, InputSource, OutputBinding } from "@amlpipe/dsl";
import type { InputBindingIR, OutputBindingIR } from "../ir/step.js";
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

/**
 * A DSL input binding as IR. A data reference's own `bindMode` applies to the inputs that read it
 * (unless they set theirs): the SDK v1 loader ignores `bind_mode` under `data_references`.
 */
export function lowerInput(binding: InputBinding, context: LowerContext): InputBindingIR {
  const referenceMode = binding.source.kind === "data_reference" ? binding.source.bindMode : undefined;
  const bindMode = binding.bindMode ?? referenceMode;
  return {
    name: binding.name,
    from: sourceName(binding.source),
    ...(bindMode ? { bindMode } : {}),
    ...(binding.pathOnCompute ? { pathOnCompute: binding.pathOnCompute } : {}),
    source: context.position(binding.location),
  };
}

/** A DSL output binding of `step` as IR. */
export function lowerOutput(step: AnyStep, binding: OutputBinding, context: LowerContext): OutputBindingIR {
  return {
    name: binding.name,
    destination: destinationOf(step, binding.name),
    ...(binding.datastore ? { datastore: binding.datastore.name } : {}),
    ...(binding.bindMode ? { bindMode: binding.bindMode } : {}),
    ...(binding.pathOnCompute ? { pathOnCompute: binding.pathOnCompute } : {}),
    source: context.position(binding.location),
  };
}
