/**
 * @amlpipe/dsl: author Azure Machine Learning pipelines as typed, immutable TypeScript values.
 * @packageDocumentation
 */
export {
  type Compute,
  type ComputeKind,
  type ComputeSettings,
  compute,
  type SshOptions,
  type TrainingComputeKind,
} from "./compute.js";
export {
  type DataReference,
  type DatasetReference,
  Datastore,
  type DatastoreDef,
  type DatastoreKind,
  type DataType,
  dataset,
  datastore,
  type InputBindMode,
  type LocalData,
  localData,
  type PathOptions,
  type SqlReference,
} from "./datastore.js";
export { type CondaOptions, type DockerImage, type Environment, environment } from "./environment.js";
export { type DataPathValue, type Param, type ParamType, type ParamValueTypes, param } from "./param.js";
export { isPipeline, Pipeline, type PipelineDef, pipeline } from "./pipeline.js";
export {
  type DatastoreTriggerOptions,
  type Recurrence,
  type Schedule,
  type ScheduleOptions,
  schedule,
} from "./schedule.js";
export {
  isScriptRun,
  ScriptRun,
  type ScriptRunArgument,
  type ScriptRunComputeKind,
  type ScriptRunDef,
  type ScriptRunOptions,
  scriptRun,
} from "./script-run.js";
export { type Secret, secret } from "./secret.js";
export type { SourceLocation } from "./source-location.js";
export type {
  ArgToken,
  Argument,
  InputBinding,
  InputSource,
  OutputBinding,
  OutputOptions,
  StepOutput,
  StepParamBinding,
  StepParamValue,
} from "./steps/bindings.js";
export {
  type AnyStep,
  type ArgRefs,
  type FreshName,
  type JsonValue,
  type MissingMethods,
  mergeJson,
  type OverrideTarget,
  Step,
  type StepBuilder,
  type StepDef,
  type StepOverrides,
} from "./steps/step.js";
// Every step kind's settings, compute kinds, features and constructor.
export * from "./steps/step-kinds.js";
