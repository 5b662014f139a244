import { definedEntries } from "../../common/defined-entries.js";
import { bindingMap, inputDocument } from "../../emit-v1/binding-documents.js";
import type { DataTransferStepIR, InputBindingIR } from "../../ir/step.js";
import { readInput } from "../../read/read-bindings.js";
import { readDataValue } from "../../read/v2/v2-data.js";
import type { YamlCursor } from "../../read/yaml-cursor.js";
import { readsCopyRule } from "../../rules/ap212-reads-copy.js";
import { transferStoresRule } from "../../rules/ap404-transfer-stores.js";
import { described } from "../../schema/definitions/common.js";
import { transferDestination, transferSource } from "../../schema/definitions/pipeline-v1-bindings.js";
import { tsLiteral, tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind, type V2NodeRead } from "./step-kind.js";

/**
 * DataTransferStep: copies data between datastores with Azure Data Factory. Its two bindings are the
 * one-entry `source_data_reference` and `destination_data_reference`; it has no other bindings.
 */
export const dataTransferStep: StepKind<"DataTransferStep"> = {
  type: "DataTransferStep",
  summary: "copies data between datastores with Azure Data Factory",
  computeKinds: allOf<"data_factory">()("data_factory"),
  runsInEnvironment: false,
  features: { inputs: false, outputs: false, arguments: false, parameters: false, sideInputs: false },
  v1Keys: {
    source_data_reference: described(
      "the one binding the copy reads: its source names a data reference or an earlier step's output",
      transferSource,
    ),
    destination_data_reference: described(
      "the one binding the copy writes: its source names the data reference it is written to",
      transferDestination,
    ),
    source_reference_type: described(
      "whether the source is a file or a directory (the loader guesses when absent)",
      { enum: ["file", "directory"] },
    ),
    destination_reference_type: described("whether the destination is a file or a directory", {
      enum: ["file", "directory"],
    }),
  },
  v1NeedsCompute: true,
  requiredV1Keys: ["source_data_reference", "destination_data_reference"],
  v1Typed: { string: ["source_reference_type", "destination_reference_type"] },
  lower(base, def) {
    // The DSL constructor made the copy's source the first input and its destination the second.
    const [source, destination, ...otherInputs] = base.inputs;
    return {
      ...base,
      type: "DataTransferStep",
      inputs: otherInputs,
      sourceDataReference: source ?? { name: "source", from: "", source: base.source },
      destinationDataReference: destination ?? { name: "destination", from: "", source: base.source },
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
      destination_data_reference: bindingMap([step.destinationDataReference], inputDocument),
      source_reference_type: step.sourceReferenceType,
      destination_reference_type: step.destinationReferenceType,
    }),
  runconfigNeeds: () => ({}),
  bindings: (step) => ({
    inputs: [...step.inputs, step.sourceDataReference],
    sideInputs: [],
    outputs: step.outputs,
    writes: [step.destinationDataReference],
  }),
  scripts: () => [],
  v2: (step, context) => {
    const outputs = {
      ...((context.common.outputs as Record<string, unknown> | undefined) ?? {}),
      // The destination is the data reference, written in place.
      [step.destinationDataReference.name]: context.referenceOutput(step.destinationDataReference.from),
    };
    const inputs = (context.common.inputs as Record<string, unknown> | undefined) ?? {};
    const declared = (bindings: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(bindings).map(([name, value]) => [
          name,
          { type: String((value as { type?: unknown } | null)?.type ?? "uri_folder") },
        ]),
      );
    return {
      type: "data_transfer",
      task: "copy_data",
      // azure-ai-ml requires the copy's component; its copy mode belongs to the component.
      component: {
        type: "data_transfer",
        task: "copy_data",
        data_copy_mode: "merge_with_overwrite",
        inputs: declared(inputs),
        outputs: declared(outputs),
      },
      ...context.common,
      outputs,
    };
  },
  v2NodeTypes: ["data_transfer"],
  readV2: (read) => readCopyNode(read),
  importCall(step, context) {
    const destination = step.destinationDataReference;
    const source = step.sourceDataReference;
    return {
      factory: "dataTransferStep",
      options: {
        from: context.sourceOf(source.from) ?? tsLiteral(`TODO: ${source.from}`),
        to: context.sourceOf(destination.from) ?? tsLiteral(`TODO: ${destination.from}`),
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
  rules: [transferStoresRule, readsCopyRule],
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
 * A DataTransferStep destination: `source:` naming the data reference the copy is written to, which
 * is all the SDK v1 loader accepts (its input parser demands `source:`). amlpipe's earlier output form,
 * `destination:` (an intermediate data name), makes the loader refuse the file: AP101.
 */
function readDestination(name: string, binding: YamlCursor): InputBindingIR | undefined {
  if (!binding.has("source") && binding.has("destination")) {
    binding
      .get("destination")
      .typeError(
        `destination "${name}" is written as an output (destination:); the SDK v1 loader refuses it ("must have a source assignment")`,
        "name the data reference the copy goes to with `source:` (a data_references entry)",
      );
    return undefined;
  }
  return readInput(name, binding);
}

function oneEntry<T extends InputBindingIR>(
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

/**
 * A v2 `data_transfer` copy as a DataTransferStep: its one data input is the source, its one output
 * (a datastore path) the destination, written in place. Anything else a copy cannot carry is reported.
 */
function readCopyNode(read: V2NodeRead): DataTransferStepIR | undefined {
  const { node, base, context } = read;
  read.reportUnread(["task", "component"]);
  const component = node.get("component");
  if (component.node && "value" in component.node) {
    component.typeError(
      "a copy whose component is a file or registered asset is not read by amlpipe (write it inline)",
    );
    return undefined;
  }
  const mode = component.get("data_copy_mode").string("data_copy_mode");
  if (mode !== undefined && mode !== "merge_with_overwrite")
    component.file.report(
      "AP112",
      "warning",
      `data_copy_mode "${mode}" is not carried: amlpipe writes merge_with_overwrite`,
      component.get("data_copy_mode").at,
    );
  const [source, ...extraInputs] = base.inputs;
  const outputs = node.get("outputs").entries("outputs");
  const [destination] = outputs;
  if (
    !source ||
    extraInputs.length > 0 ||
    base.parameters.length > 0 ||
    outputs.length !== 1 ||
    !destination
  ) {
    node.typeError("a copy needs exactly one data input (its source) and one output (its destination)");
    return undefined;
  }
  const written = readDataValue(destination.key, destination.value, context.files);
  if (written?.kind !== "datastore_path") {
    destination.value.typeError(
      "a copy's destination must be a datastore path (azureml://datastores/<name>/paths/<path>)",
    );
    return undefined;
  }
  const from = context.addReference(written);
  return {
    ...base,
    type: "DataTransferStep",
    inputs: [],
    outputs: [],
    sourceDataReference: source,
    destinationDataReference: { name: destination.key, from, source: destination.value.at },
  };
}
