import type { ComputeIR } from "../ir/compute.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { RecurrenceIR } from "../ir/schedule.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { StepIR } from "../ir/step.js";

/** A position on line `line` of a fake source file. */
export const at = (line: number): SourcePosition => ({ file: "p.ts", line, col: 1 });

/**
 * The pipeline every rule's examples start from: small and valid, no rule fires on it. prep (python)
 * -> agg (ADLA, data on the lake) -> copy back to the data reference `summary_blob` (data factory).
 */
export function examplePipeline(): PipelineIR {
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
      destinationDataReference: { name: "dst", from: "summary_blob", source: at(32) },
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
      {
        kind: "datastore_path",
        name: "summary_blob",
        datastore: "blob",
        pathOnDatastore: "summary",
        source: at(5),
      },
      { kind: "dataset", name: "images", datasetName: "images", source: at(5) },
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

/** `ir` with step `key` changed by `patch`. */
export function withStep(ir: PipelineIR, key: string, patch: Record<string, unknown>): PipelineIR {
  return { ...ir, steps: ir.steps.map((s) => (s.key === key ? ({ ...s, ...patch } as StepIR) : s)) };
}

/** `ir` with `step` added, built from the common defaults and `patch`. */
export function withNewStep(ir: PipelineIR, patch: Record<string, unknown>): PipelineIR {
  const step = {
    name: patch.key,
    source: at(9),
    arguments: [],
    parameters: [],
    inputs: [],
    outputs: [],
    allowReuse: true,
    after: [],
    ...patch,
  } as unknown as StepIR;
  return { ...ir, steps: [...ir.steps, step] };
}

/** The step `key` of `ir` (which must exist). */
export function stepOf(ir: PipelineIR, key: string): StepIR {
  const found = ir.steps.find((s) => s.key === key);
  if (!found) throw new Error(`the example pipeline has no step "${key}"`);
  return found;
}

/** A Databricks compute for examples (its token from the environment). */
export const DATABRICKS = {
  kind: "databricks",
  name: "dbx",
  workspaceName: "w",
  resourceGroup: "rg",
  accessToken: { kind: "env", name: "T" },
  source: at(9),
} as const;

/** `ir` with the Databricks compute added. */
export function withDatabricks(ir: PipelineIR): PipelineIR {
  return { ...ir, computes: [...ir.computes, DATABRICKS] };
}

/** `ir` with an Azure Batch compute named `batch` added. */
export function withBatch(ir: PipelineIR): PipelineIR {
  return {
    ...ir,
    computes: [
      ...ir.computes,
      { kind: "azure_batch", name: "batch", accountName: "b", resourceGroup: "rg", source: at(9) },
    ],
  };
}

/** A remote VM compute with resource id `resourceId`. */
export function vm(resourceId: string): ComputeIR {
  return {
    kind: "remote_vm",
    name: "vm",
    resourceId,
    sshPort: 22,
    username: "u",
    password: { kind: "env", name: "VM_PASSWORD" },
    source: at(9),
  };
}

/** `ir` with the compute `cpu` (and every use of it) renamed to `name`. */
export function renameCompute(ir: PipelineIR, name: string): PipelineIR {
  return {
    ...ir,
    computes: ir.computes.map((c) => (c.name === "cpu" ? { ...c, name } : c)),
    steps: ir.steps.map((s) => (s.compute === "cpu" ? { ...s, compute: name } : s)),
    defaultCompute: name,
  };
}

/** `ir` with one schedule of `recurrence`, at line 40. */
export function withSchedule(ir: PipelineIR, recurrence: RecurrenceIR): PipelineIR {
  return { ...ir, schedules: [{ name: "s", source: at(40), recurrence, pipelineParameters: {} }] };
}

/** `ir` with `count` independent one-line steps in place of its own. */
export function withManySteps(ir: PipelineIR, count: number): PipelineIR {
  const prep = stepOf(ir, "prep");
  const steps = Array.from(
    { length: count },
    (_, i): StepIR => ({
      ...prep,
      key: `s${i}`,
      name: `s${i}`,
      arguments: [],
      parameters: [],
      inputs: [],
      outputs: [],
    }),
  );
  return { ...ir, steps };
}

/** `ir` without a default compute. */
export function withoutDefaultCompute(ir: PipelineIR): PipelineIR {
  const { defaultCompute: _, ...rest } = ir;
  return rest;
}

/** `ir` with a PythonScriptStep "report" on `cpu` added, changed by `patch`. */
export function withReportStep(ir: PipelineIR, patch: Record<string, unknown> = {}): PipelineIR {
  return withNewStep(ir, {
    type: "PythonScriptStep",
    key: "report",
    compute: "cpu",
    scriptName: "report.py",
    ...patch,
  });
}

/** `ir` with the Databricks compute and a DatabricksStep "d" on it, of the settings in `patch`. */
export function withDatabricksStep(ir: PipelineIR, patch: Record<string, unknown>): PipelineIR {
  return withNewStep(withDatabricks(ir), { type: "DatabricksStep", key: "d", compute: "dbx", ...patch });
}
