/**
 * @amlpipe/compiler: DSL or YAML -> IR -> rules -> deterministic Azure ML pipeline YAML.
 * Pure: no file system, network or environment access. The CLI and runtime do the I/O.
 * @packageDocumentation
 */

export { type CompileOptions, type CompileResult, compilePipeline } from "./compile-pipeline.js";
export type { EmitOptions } from "./compiled-directory/emit-options.js";
export { safeFileName } from "./compiled-directory/file-names.js";
export type { CompiledFile, CompileTarget } from "./compiled-file.js";
export { type CodeInfo, DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics/codes.js";
export {
  type Diagnostic,
  type DiagnosticDetails,
  type DiagnosticFix,
  diagnostic,
  type FixEdit,
  hasErrors,
  type Severity,
} from "./diagnostics/diagnostic.js";
export { toRestCommandJob } from "./emit-rest/rest-command-job.js";
export {
  ANONYMOUS_COMPONENT,
  type RestComponent,
  type RestPipeline,
  type RestResolver,
  toRestPipeline,
} from "./emit-rest/rest-pipeline.js";
export { emitV1 } from "./emit-v1/emit-v1.js";
export { emitV2 } from "./emit-v2/emit-v2.js";
export { toV2Jobs, type V2JobOptions } from "./emit-v2/v2-jobs.js";
export { codeFrame } from "./format/code-frame.js";
export {
  type DiagnosticFormat,
  type FormatOptions,
  formatDiagnostics,
  summaryLine,
} from "./format/format-diagnostics.js";
export { githubAnnotation } from "./format/github-annotation.js";
export { diffPipelines, hasChanges, type PipelineDiff, renderDiffMarkdown } from "./graph/diff-pipelines.js";
export {
  type GraphEdge,
  type GraphNode,
  type PipelineGraph,
  pipelineGraph,
} from "./graph/pipeline-graph.js";
export { GRAPH_LAYOUT_FONT, renderDot, renderMermaid } from "./graph/render-graph.js";
export type {
  AciComputeIR,
  AdlaComputeIR,
  AmlClusterComputeIR,
  AttachedComputeIR,
  AzureBatchComputeIR,
  ComputeInstanceIR,
  ComputeIR,
  ComputeKind,
  DatabricksComputeIR,
  DataFactoryComputeIR,
  ExistingComputeIR,
  HdInsightComputeIR,
  KubernetesComputeIR,
  LocalComputeIR,
  RemoteVmComputeIR,
  SshAccessIR,
  SynapseSparkComputeIR,
  UnknownComputeIR,
} from "./ir/compute.js";
export type {
  BindMode,
  DataReferenceIR,
  DatasetReferenceIR,
  DatastorePathReferenceIR,
  DataTypeIR,
  LocalPathReferenceIR,
  SqlReferenceIR,
} from "./ir/data-reference.js";
export { referenceDatastore } from "./ir/data-reference.js";
export type { DatastoreIR, DatastoreKind } from "./ir/datastore.js";
export type {
  CondaEnvironmentIR,
  CuratedEnvironmentIR,
  DockerEnvironmentIR,
  DockerImageIR,
  EnvironmentIR,
  UserManagedEnvironmentIR,
} from "./ir/environment.js";
export type { DataPathValueIR, ParameterIR, ParameterType, ParameterValueIR } from "./ir/parameter.js";
export { IR_VERSION, type PipelineIR, type TrainingRunIR } from "./ir/pipeline.js";
export type { RecurrenceIR, ScheduleIR } from "./ir/schedule.js";
export type { SecretRefIR } from "./ir/secret.js";
export { type SourcePosition, UNKNOWN_POSITION } from "./ir/source-position.js";
export type {
  AdlaStepIR,
  ArgumentIR,
  AzureBatchStepIR,
  DatabricksStepIR,
  DataTransferStepIR,
  InputBindingIR,
  LiteralArgumentIR,
  OutputBindingIR,
  ParallelRunConfigIR,
  ParallelRunStepIR,
  PythonScriptStepIR,
  StepBaseIR,
  StepIR,
  StepOverridesIR,
  StepParameterIR,
  StepParameterValueIR,
  StepType,
} from "./ir/step.js";
export {
  computeOf,
  outputProducers,
  producersOf,
  stepBindings,
  stepInputs,
  stepOutputs,
} from "./ir/step-bindings.js";
export type {
  ComputeIROf,
  ComputeKindDef,
  ComputeKindTable,
  ResourceScope,
} from "./kinds/computes/compute-kind.js";
export {
  armResourceIdOf,
  COMPUTE_KINDS,
  computeColour,
  computeKindOf,
  isExistingCompute,
  secretFieldsOf,
} from "./kinds/computes/index.js";
export { isStepType, STEP_KINDS, STEP_TYPES, withKind } from "./kinds/steps/index.js";
export type {
  ImportCall,
  ImportContext,
  NoV2Form,
  StepBindings,
  StepIROf,
  StepKind,
  StepKindTable,
} from "./kinds/steps/step-kind.js";
export * from "./kinds/ts-expression.js";
export { type LowerOptions, lowerPipeline } from "./lower/lower-pipeline.js";
export { lowerScriptRun } from "./lower/lower-script-run.js";
export { checkPathSafety, PLAIN_NAME, plainNameProblem } from "./names/plain-name.js";
export {
  canonicalPath,
  isAbsoluteAnywhere,
  outsideProjectProblem,
  type ProjectPathOptions,
} from "./names/project-paths.js";
export { stepKeys } from "./read/known-keys.js";
export { readCommandJob } from "./read/read-command-job.js";
export type { ReadHost } from "./read/read-host.js";
export { compiledEntryFile, readYamlInput } from "./read/read-input.js";
export { type ReadOptions, readPipeline } from "./read/read-pipeline.js";
export { readSchedule } from "./read/read-schedule.js";
export { readTrainingRun } from "./read/read-training-run.js";
export { missingStepFiles } from "./read/step-files.js";
export { resourceAttachedTwiceAcross } from "./rules/ap304-resource-attached-twice.js";
export { type CheckOptions, checkPipeline, compareDiagnostics } from "./rules/check-pipeline.js";
export { RULES } from "./rules/index.js";
export type { Rule } from "./rules/rule.js";
export { SCHEMAS, type SchemaName } from "./schema/schema-registry.js";
export { type SchemaViolation, validateDocument } from "./schema/validate-document.js";
export { secretEnvNames } from "./secrets/secret-refs.js";
