import type {
  AnyStep,
  DataReference,
  DatasetReference,
  Datastore,
  Environment,
  LocalData,
  Param,
  Pipeline,
  SqlReference,
} from "@amlpipe/dsl";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DataReferenceIR } from "../ir/data-reference.js";
import type { DatastoreIR } from "../ir/datastore.js";
import type { ParameterIR } from "../ir/parameter.js";
import { IR_VERSION, type PipelineIR } from "../ir/pipeline.js";
import type { ScheduleIR } from "../ir/schedule.js";
import type { StepIR } from "../ir/step.js";
import { STEP_KINDS } from "../kinds/steps/index.js";
import { checkPathSafety } from "../names/plain-name.js";
import type { ProjectPathOptions } from "../names/project-paths.js";
import { collectSteps } from "./collect-steps.js";
import { lowerCompute } from "./lower-compute.js";
import { LowerContext } from "./lower-context.js";
import { lowerEnvironment } from "./lower-environment.js";
import { lowerSchedule } from "./lower-schedule.js";
import { lowerStep } from "./lower-step.js";
import { unboundInputs } from "./unbound-inputs.js";
import { UniqueNodes } from "./unique-nodes.js";

/** Options of {@link lowerPipeline}. */
export interface LowerOptions extends ProjectPathOptions {
  /**
   * Absolute path (or file URL) of the compile root. Source positions and source directories in the IR
   * are made relative to it (string operations only: no I/O).
   */
  readonly root: string;
}

/** A step's environment: its own, else the pipeline's default when its kind runs in one. */
function environmentOf(step: AnyStep["def"], fallback: Environment | undefined): Environment | undefined {
  return step.environment ?? (STEP_KINDS[step.type].runsInEnvironment ? fallback : undefined);
}

/**
 * Turns a DSL pipeline into the IR: every step reachable from the listed ones (through data and
 * `.after()`), and every compute, datastore, data reference, environment and parameter they use.
 * Identical nodes are merged; two different nodes with one name are both kept, for rule AP203.
 */
export function lowerPipeline(
  pipeline: Pipeline,
  options: LowerOptions,
): { ir: PipelineIR | undefined; diagnostics: Diagnostic[] } {
  const context = new LowerContext(options.root);
  const def = pipeline.def;
  const unbound = unboundInputs(def.steps, context);
  if (unbound.length > 0) return { ir: undefined, diagnostics: unbound };
  const steps = collectSteps(def.steps);
  const computes = new UniqueNodes<ReturnType<typeof lowerCompute>>();
  const datastores = new UniqueNodes<DatastoreIR>();
  const references = new UniqueNodes<DataReferenceIR>();
  const environments = new UniqueNodes<ReturnType<typeof lowerEnvironment>>();
  const parameters = new UniqueNodes<ParameterIR>();

  const addDatastore = (store: Datastore) => datastores.add(lowerDatastore(store, context));
  const addParam = (param: Param) => parameters.add(lowerParameter(param, context));
  for (const param of def.params) addParam(param);
  for (const reference of def.references) {
    references.add(lowerReference(reference, context));
    if (reference.kind === "data_reference" || reference.kind === "sql") addDatastore(reference.datastore);
  }
  if (def.defaultCompute) computes.add(lowerCompute(def.defaultCompute, context));

  for (const step of steps) {
    const stepDef = step.def;
    if (stepDef.compute) {
      computes.add(lowerCompute(stepDef.compute, context));
      const settings = stepDef.compute.settings as { defaultDatastore?: Datastore };
      if (settings.defaultDatastore) addDatastore(settings.defaultDatastore);
    }
    const environment = environmentOf(stepDef, def.defaultEnvironment);
    if (environment) environments.add(lowerEnvironment(environment, context));
    for (const binding of [...stepDef.inputs, ...stepDef.sideInputs]) {
      const source = binding.source;
      if (source.kind === "param") addParam(source);
      else if (source.kind !== "step_output") {
        references.add(lowerReference(source, context));
        if (source.kind === "data_reference" || source.kind === "sql") addDatastore(source.datastore);
      }
    }
    for (const output of stepDef.outputs) if (output.datastore) addDatastore(output.datastore);
    for (const param of stepDef.params) if (typeof param.value === "object") addParam(param.value);
  }

  const ir: PipelineIR = {
    irVersion: IR_VERSION,
    name: def.name,
    ...(def.description ? { description: def.description } : {}),
    source: context.position(def.location),
    ...(def.defaultCompute ? { defaultCompute: def.defaultCompute.name } : {}),
    parameters: parameters.values(),
    datastores: datastores.values(),
    dataReferences: references.values(),
    computes: computes.values(),
    environments: environments.values(),
    steps: datasetsForParallelRuns(
      steps.map((step: AnyStep) => lowerStep(step, context, environmentOf(step.def, def.defaultEnvironment))),
    ),
    schedules: def.schedules.map((s): ScheduleIR => lowerSchedule(s, context)),
  };
  return { ir, diagnostics: checkPathSafety(ir, options) };
}

function lowerDatastore(store: Datastore, context: LowerContext): DatastoreIR {
  const { name, kind, account, container, database, location } = store.def;
  return {
    name,
    kind,
    source: context.position(location),
    ...(account ? { account } : {}),
    ...(container ? { container } : {}),
    ...(database ? { database } : {}),
  };
}

function lowerReference(
  reference: DataReference | DatasetReference | SqlReference | LocalData,
  context: LowerContext,
): DataReferenceIR {
  const source = context.position(reference.location);
  switch (reference.kind) {
    case "data_reference":
      return {
        kind: "datastore_path",
        name: reference.name,
        source,
        datastore: reference.datastore.name,
        pathOnDatastore: reference.pathOnDatastore,
        ...(reference.type ? { dataType: reference.type } : {}),
      };
    case "local_path":
      return {
        kind: "local_path",
        name: reference.name,
        source,
        // Like a source directory: relative to the file that declares it.
        path: context.sourceDirectory(reference.path, reference.location),
        ...(reference.type ? { dataType: reference.type } : {}),
      };
    case "dataset":
      return {
        kind: "dataset",
        name: reference.name,
        source,
        ...(reference.tabular ? { dataType: "mltable" as const } : {}),
        ...(reference.datasetName ? { datasetName: reference.datasetName } : {}),
        ...(reference.datasetId ? { datasetId: reference.datasetId } : {}),
      };
    case "sql":
      return {
        kind: "sql",
        name: reference.name,
        source,
        datastore: reference.datastore.name,
        ...(reference.sqlTable ? { sqlTable: reference.sqlTable } : {}),
        ...(reference.sqlQuery ? { sqlQuery: reference.sqlQuery } : {}),
        ...(reference.sqlStoredProcedure ? { sqlStoredProcedure: reference.sqlStoredProcedure } : {}),
        ...(reference.sqlStoredProcedureParams
          ? { sqlStoredProcedureParams: reference.sqlStoredProcedureParams }
          : {}),
      };
  }
}

function lowerParameter(param: Param, context: LowerContext): ParameterIR {
  return {
    name: param.name,
    type: param.type,
    ...(param.default !== undefined ? { default: param.default } : {}),
    source: context.position(param.location),
  };
}

/**
 * Outputs a ParallelRunStep reads are written `as_dataset: true`: the SDK v1 loader hands a
 * ParallelRunStep `input.dataset`, which only a dataset or such an output has.
 */
function datasetsForParallelRuns(steps: StepIR[]): StepIR[] {
  const read = new Set(
    steps.filter((s) => s.type === "ParallelRunStep").flatMap((s) => s.inputs.map((i) => i.from)),
  );
  if (read.size === 0) return steps;
  return steps.map((step) =>
    step.outputs.some((o) => read.has(o.destination))
      ? ({
          ...step,
          outputs: step.outputs.map((o) => (read.has(o.destination) ? { ...o, asDataset: true } : o)),
        } as StepIR)
      : step,
  );
}
