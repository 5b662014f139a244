import type { PipelineIR, SourcePosition, StepIR } from "../../src/index.js";

/** A position on line `line` of a fake source file. */
export const at = (line: number): SourcePosition => ({ file: "p.ts", line, col: 1 });

/** A small valid pipeline: prep (python) -> agg (ADLA, data on the lake) -> copy back (data factory). */
export function validIR(): PipelineIR {
  const steps: StepIR[] = [
    {
      type: "PythonScriptStep",
      key: "prep",
      name: "prep",
      source: at(10),
      compute: "cpu",
      scriptName: "prep.py",
      sourceDirectory: "steps",
      arguments: ["--out", { ref: "output", name: "clean" }, "--in", { ref: "input", name: "raw" }],
      parameters: [{ name: "lr", value: { kind: "pipeline_parameter", parameter: "lr" }, source: at(11) }],
      inputs: [{ name: "raw", from: "raw", source: at(12) }],
      outputs: [{ name: "clean", destination: "clean", datastore: "lake", source: at(13) }],
      allowReuse: true,
      after: [],
    },
    {
      type: "AdlaStep",
      key: "agg",
      name: "agg",
      source: at(20),
      compute: "adla",
      scriptName: "agg.usql",
      sourceDirectory: "steps",
      arguments: [],
      parameters: [],
      inputs: [{ name: "clean", from: "clean", source: at(21) }],
      outputs: [{ name: "summary", destination: "summary", datastore: "lake", source: at(22) }],
      allowReuse: true,
      after: ["prep"],
    },
    {
      type: "DataTransferStep",
      key: "copy",
      name: "copy",
      source: at(30),
      compute: "adf",
      arguments: [],
      parameters: [],
      inputs: [],
      outputs: [],
      allowReuse: true,
      after: [],
      sourceDataReference: { name: "src", from: "summary", source: at(31) },
      destinationDataReference: {
        name: "dst",
        destination: "summary_blob",
        datastore: "blob",
        source: at(32),
      },
    },
  ];
  return {
    irVersion: 1,
    name: "valid",
    source: at(1),
    defaultCompute: "cpu",
    parameters: [{ name: "lr", type: "float", default: 0.1, source: at(2) }],
    datastores: [
      { name: "blob", kind: "azure_blob", source: at(3) },
      { name: "lake", kind: "adls_gen1", source: at(4) },
    ],
    dataReferences: [
      { kind: "datastore_path", name: "raw", datastore: "blob", pathOnDatastore: "raw", source: at(5) },
    ],
    computes: [
      { kind: "aml_cluster", name: "cpu", source: at(6) },
      {
        kind: "adla",
        name: "adla",
        accountName: "a",
        resourceGroup: "rg",
        defaultDatastore: "lake",
        source: at(7),
      },
      { kind: "data_factory", name: "adf", source: at(8) },
    ],
    environments: [],
    steps,
    schedules: [],
  };
}
