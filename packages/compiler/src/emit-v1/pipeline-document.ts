import { stepsRunBefore } from "../compiled-directory/after-markers.js";
import type { DataReferenceIR } from "../ir/data-reference.js";
import type { ParameterIR } from "../ir/parameter.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { type StepDocumentContext, stepDocument } from "./step-document.js";

/** Per-step paths of the files the pipeline document points at. */
export interface StepFiles {
  readonly runconfig: ReadonlyMap<string, string>;
  readonly parallelRunConfig: ReadonlyMap<string, string>;
}

/** The `pipeline:` document of `pipeline.yaml`. */
export function pipelineDocument(
  ir: PipelineIR,
  outputToRoot: string,
  files: StepFiles,
): Record<string, unknown> {
  const runsBefore = stepsRunBefore(ir.steps);
  const steps = Object.fromEntries(
    ir.steps.map((step) => {
      const context: StepDocumentContext = {
        outputToRoot,
        runsBeforeOthers: runsBefore.has(step.key),
        ...(files.runconfig.has(step.key) ? { runconfig: files.runconfig.get(step.key) } : {}),
        ...(files.parallelRunConfig.has(step.key)
          ? { parallelRunConfig: files.parallelRunConfig.get(step.key) }
          : {}),
      } as StepDocumentContext;
      return [step.key, stepDocument(step, context)];
    }),
  );
  return {
    pipeline: {
      name: ir.name,
      ...(ir.description !== undefined ? { description: ir.description } : {}),
      ...(ir.parameters.length > 0
        ? { parameters: Object.fromEntries(ir.parameters.map(parameterEntry)) }
        : {}),
      ...(ir.dataReferences.length > 0
        ? {
            // A local path has no v1 form (AP111 refuses the file before it is written).
            data_references: Object.fromEntries(
              ir.dataReferences.flatMap((r) => {
                const entry = referenceEntry(r);
                return entry ? [entry] : [];
              }),
            ),
          }
        : {}),
      ...(ir.defaultCompute ? { default_compute: ir.defaultCompute } : {}),
      steps,
    },
  };
}

function parameterEntry(parameter: ParameterIR): [string, Record<string, unknown>] {
  const value = parameter.default;
  const defaultValue =
    typeof value === "object"
      ? { datastore: value.datastore, path_on_datastore: value.pathOnDatastore }
      : value;
  return [
    parameter.name,
    { type: parameter.type, ...(value !== undefined ? { default: defaultValue } : {}) },
  ];
}

function referenceEntry(reference: DataReferenceIR): [string, Record<string, unknown>] | undefined {
  switch (reference.kind) {
    case "datastore_path":
      return [
        reference.name,
        {
          datastore: reference.datastore,
          path_on_datastore: reference.pathOnDatastore,
        },
      ];
    case "sql":
      return [
        reference.name,
        {
          datastore: reference.datastore,
          ...(reference.sqlTable !== undefined ? { sql_table: reference.sqlTable } : {}),
          ...(reference.sqlQuery !== undefined ? { sql_query: reference.sqlQuery } : {}),
          ...(reference.sqlStoredProcedure !== undefined
            ? { sql_stored_procedure: reference.sqlStoredProcedure }
            : {}),
          ...(reference.sqlStoredProcedureParams
            ? { sql_stored_procedure_params: reference.sqlStoredProcedureParams }
            : {}),
        },
      ];
    case "dataset":
      return [
        reference.name,
        {
          ...(reference.datasetName !== undefined ? { dataset_name: reference.datasetName } : {}),
          ...(reference.datasetId !== undefined ? { dataset_id: reference.datasetId } : {}),
        },
      ];
    case "local_path":
      return undefined;
  }
}
