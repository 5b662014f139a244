import type { ArgumentIR, InputBindingIR, OutputBindingIR, StepParameterIR } from "../ir/step.js";

/** An input binding as its YAML map (`source`, `bind_mode`, ...). */
export function inputDocument(binding: InputBindingIR): Record<string, unknown> {
  return {
    source: binding.from,
    ...(binding.bindMode ? { bind_mode: binding.bindMode } : {}),
    ...(binding.pathOnCompute ? { path_on_compute: binding.pathOnCompute } : {}),
    ...(binding.overwrite !== undefined ? { overwrite: binding.overwrite } : {}),
  };
}

/** An output binding as its YAML map (`destination`, `datastore`, ...). */
export function outputDocument(binding: OutputBindingIR): Record<string, unknown> {
  return {
    destination: binding.destination,
    ...(binding.datastore ? { datastore: binding.datastore } : {}),
    ...(binding.bindMode ? { bind_mode: binding.bindMode } : {}),
    ...(binding.pathOnCompute ? { path_on_compute: binding.pathOnCompute } : {}),
    ...(binding.overwrite !== undefined ? { overwrite: binding.overwrite } : {}),
    ...(binding.asDataset !== undefined ? { as_dataset: binding.asDataset } : {}),
  };
}

/** Bindings as a YAML map keyed by binding name. */
export function bindingMap<T extends { readonly name: string }>(
  bindings: readonly T[],
  toDocument: (binding: T) => Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(bindings.map((binding) => [binding.name, toDocument(binding)]));
}

/** An argument as its YAML scalar: always text (literals stringified), references as `input:NAME` tokens. */
export function argumentText(argument: ArgumentIR): string {
  // The loader calls arg.startswith() on every argument with no type check first: a number or a
  // boolean crashes it (AttributeError). Written as text, the YAML library quotes "5" and "true".
  return typeof argument === "object" ? `${argument.ref}:${argument.name}` : String(argument);
}

/** Step parameters as the YAML map: a literal, or `{ source: PIPELINE_PARAMETER }`. */
export function parametersDocument(parameters: readonly StepParameterIR[]): Record<string, unknown> {
  return Object.fromEntries(
    parameters.map((p) => [
      p.name,
      p.value.kind === "literal" ? p.value.value : { source: p.value.parameter },
    ]),
  );
}
