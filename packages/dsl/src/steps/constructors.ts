import type { InputSource, OutputOptions } from "./bindings.js";
import { newStep, Step, type StepBuilder } from "./step.js";
import type { StepSettings } from "./step-kinds.js";

/** Where a step's code lives: a file name inside the step's source directory. */
interface ScriptOptions {
  /** Folder whose snapshot the step runs in, relative to the file that declares the step. */
  readonly sourceDirectory?: string;
}

function withDirectory<T extends Parameters<typeof newStep>[0]>(
  step: Step<T>,
  options: ScriptOptions,
): StepBuilder<T> {
  return options.sourceDirectory === undefined ? step : step.sourceDirectory(options.sourceDirectory);
}

/** A PythonScriptStep: runs `script` (on AML compute, a remote VM, HDInsight, locally...). */
export function pythonScriptStep(
  name: string,
  options: ScriptOptions & { readonly script: string; readonly framework?: "python" | "pyspark" },
): StepBuilder<"PythonScriptStep"> {
  const { sourceDirectory: _, script, framework } = options;
  return withDirectory(
    newStep("PythonScriptStep", name, { scriptName: script, ...(framework ? { framework } : {}) }),
    options,
  );
}

/** A ParallelRunStep: runs an entry script over mini-batches of its inputs in parallel. */
export function parallelRunStep(
  name: string,
  options: ScriptOptions & StepSettings["ParallelRunStep"],
): StepBuilder<"ParallelRunStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("ParallelRunStep", name, settings), options);
}

/** An AdlaStep: runs a U-SQL script on Data Lake Analytics. */
export function adlaStep(
  name: string,
  options: ScriptOptions & Omit<StepSettings["AdlaStep"], "scriptName"> & { readonly script: string },
): StepBuilder<"AdlaStep"> {
  const { sourceDirectory: _, script, ...settings } = options;
  return withDirectory(newStep("AdlaStep", name, { scriptName: script, ...settings }), options);
}

/** An AzureBatchStep: runs an executable on an Azure Batch pool. */
export function azureBatchStep(
  name: string,
  options: ScriptOptions & StepSettings["AzureBatchStep"],
): StepBuilder<"AzureBatchStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("AzureBatchStep", name, settings), options);
}

/** A DatabricksStep: runs a notebook, a Python script or a jar on Databricks (one entry point). */
export function databricksStep(
  name: string,
  options: ScriptOptions & StepSettings["DatabricksStep"],
): StepBuilder<"DatabricksStep"> {
  const { sourceDirectory: _, ...settings } = options;
  return withDirectory(newStep("DatabricksStep", name, settings), options);
}

/** Options of {@link dataTransferStep}. */
export type DataTransferOptions<S extends string, D extends string> = StepSettings["DataTransferStep"] & {
  /** What to copy: a data reference (or another step's output). */
  readonly from: InputSource;
  /** Where the copy goes: its datastore (and intermediate data name). */
  readonly to: OutputOptions;
  /** Name of the source binding. @default "source" */
  readonly sourceName?: S;
  /** Name of the destination binding (`step.outputs[name]`). @default "destination" */
  readonly destinationName?: D;
};

/**
 * A DataTransferStep: copies `from` to `to` with Azure Data Factory. Its copy is the output
 * `destination` (or `destinationName`); later steps read it through `step.outputs.destination`.
 */
export function dataTransferStep<S extends string = "source", D extends string = "destination">(
  name: string,
  options: DataTransferOptions<S, D>,
): StepBuilder<"DataTransferStep", S, D> {
  const { from, to, sourceName, destinationName, ...settings } = options;
  // The two bindings are the copy's source and destination; the builder has no other binding methods.
  const step = newStep("DataTransferStep", name, settings);
  return new Step<"DataTransferStep", S, D>({
    ...step.def,
    inputs: [{ name: sourceName ?? "source", source: from, location: step.def.location }],
    outputs: [{ name: destinationName ?? "destination", ...to, location: step.def.location }],
  });
}
