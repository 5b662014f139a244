import { definedEntries } from "../../common/defined-entries.js";
import { bindingMap, inputDocument, outputDocument } from "../../emit-v1/binding-documents.js";
import type { InputBindingIR, OutputBindingIR } from "../../ir/step.js";
import { readInput, readOutput } from "../../read/read-bindings.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import { transferStoresRule } from "../../rules/ap404-transfer-stores.js";
import { transferDestination, transferSource } from "../../schema/definitions/pipeline-v1-bindings.js";
import { tsLiteral, tsLiterals, tsObject } from "../ts-expression.js";
import { allOf, type StepKind } from "./step-kind.js";

/**
 * DataTransferStep: copies data between datastores with Azure Data Factory. Its two bindings are the
 * one-entry `source_data_reference` and `destination_data_reference`; it has no other bindings.
 */
export const dataTransferStep: StepKind<"DataTransferStep"> = {
  type: "DataTransferStep",
  summary: "copies data between datastores with Azure Data Factory",
  computeKinds: allOf<"data_factory">()("data_factory"),
  features: { inputs: false, outputs: false, arguments: false, parameters: false, sideInputs: false },
  v1Keys: {
    source_data_reference: transferSource,
    destination_data_reference: transferDestination,
    source_reference_type: { enum: ["file", "directory"] },
    destination_reference_type: { enum: ["file", "directory"] },
  },
  requiredV1Keys: ["source_data_reference", "destination_data_reference"],
  lower(base, def) {
    // The DSL constructor made the copy's source the first input and its destination the first output.
    const [source, ...otherInputs] = base.inputs;
    const [destination, ...otherOutputs] = base.outputs;
    return {
      ...base,
      type: "DataTransferStep",
      inputs: otherInputs,
      outputs: otherOutputs,
      sourceDataReference: source ?? { name: "source", from: "", source: base.source },
      destinationDataReference: destination ?? { name: "destination", destination: "", source: base.source },
      ...definedEntries(def.settings),
    };
  },
  read(base, cursor) {
    const source = oneEntry(cursor.get("source_data_reference"), "source_data_reference", readInput);
    const destination = oneEntry(
      cursor.get("destination_data_reference"),
      "destination_data_reference",
      readDestination,
    );
    if (!source || !destination) return undefined;
    return {
      ...base,
      type: "DataTransferStep",
      sourceDataReference: source,
      destinationDataReference: destination,
      ...definedEntries({
        sourceReferenceType: referenceType(cursor, "source_reference_type"),
        destinationReferenceType: referenceType(cursor, "destination_reference_type"),
      }),
    };
  },
  emitV1: (step) =>
    definedEntries({
      source_data_reference: bindingMap([step.sourceDataReference], inputDocument),
      destination_data_reference: bindingMap([step.destinationDataReference], outputDocument),
      source_reference_type: step.sourceReferenceType,
      destination_reference_type: step.destinationReferenceType,
    }),
  runconfigNeeds: () => ({}),
  bindings: (step) => ({
    inputs: [...step.inputs, step.sourceDataReference],
    sideInputs: [],
    outputs: [...step.outputs, step.destinationDataReference],
  }),
  scripts: () => [],
  v2: (_step, context) => ({
    type: "data_transfer",
    task: "copy_data",
    data_copy_mode: "merge_with_overwrite",
    ...context.common,
  }),
  importCall(step, context) {
    const destination = step.destinationDataReference;
    const source = step.sourceDataReference;
    return {
      factory: "dataTransferStep",
      options: {
        from: context.sourceOf(source.from) ?? tsLiteral(`TODO: ${source.from}`),
        to: tsObject({
          ...tsLiterals({
            destination:
              destination.destination === `${step.key}_${destination.name}`
                ? undefined
                : destination.destination,
          }),
          datastore: destination.datastore ? context.datastore(destination.datastore) : undefined,
        }),
        ...tsLiterals({
          sourceName: source.name === "source" ? undefined : source.name,
          destinationName: destination.name === "destination" ? undefined : destination.name,
          sourceReferenceType: step.sourceReferenceType,
          destinationReferenceType: step.destinationReferenceType,
        }),
      },
      chainsBindings: false,
    };
  },
  rules: [transferStoresRule],
};

function referenceType(cursor: YamlCursor, key: string): "file" | "directory" | undefined {
  const value = cursor.get(key).string(key);
  if (value !== undefined && value !== "file" && value !== "directory") {
    cursor.get(key).typeError(`${key} must be "file" or "directory", got "${value}"`);
    return undefined;
  }
  return value;
}

/**
 * A DataTransferStep destination. The documented example names it with `source:` rather than
 * `destination:`; that is accepted (with AP103) so the documented file reads.
 */
function readDestination(name: string, binding: YamlCursor): OutputBindingIR | undefined {
  if (!binding.has("destination") && binding.has("source")) {
    const at = binding.get("source").at;
    binding.file.report(
      "AP103",
      "warning",
      `destination "${name}" is named with "source:"; the Azure ML loader expects "destination:"`,
      at,
      "write `destination:`",
    );
    const destination = binding.get("source").string("destination");
    return destination === undefined ? undefined : { name, destination, source: binding.at };
  }
  return readOutput(name, binding);
}

function oneEntry<T extends InputBindingIR | OutputBindingIR>(
  cursor: YamlCursor,
  key: string,
  read: (name: string, value: YamlCursor) => T | undefined,
): T | undefined {
  const entries = cursor.entries(key);
  if (entries.length !== 1 || !entries[0]) {
    cursor.typeError(`${key} must have exactly one entry (name: binding), found ${entries.length}`);
    return undefined;
  }
  return read(entries[0].key, entries[0].value);
}
