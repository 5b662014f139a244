import type { StepIR, StepType } from "../../ir/step.js";
import type { Rule } from "../../rules/rule.js";
import { adlaStep } from "./adla-step.js";
import { azureBatchStep } from "./azure-batch-step.js";
import { dataTransferStep } from "./data-transfer-step.js";
import { databricksStep } from "./databricks-step.js";
import { parallelRunStep } from "./parallel-run-step.js";
import { pythonScriptStep } from "./python-script-step.js";
import type { StepIROf, StepKind, StepKindTable } from "./step-kind.js";

/**
 * Every step kind's definition, keyed by kind. Adding a kind: its DSL declaration
 * (`dsl/src/steps/step-kinds.ts`), its file here, this line, and its runtime entry
 * (`runtime/src/local/local-step-kinds.ts`); `tsc` names each one that is missing.
 */
export const STEP_KINDS: StepKindTable = {
  PythonScriptStep: pythonScriptStep,
  ParallelRunStep: parallelRunStep,
  AdlaStep: adlaStep,
  AzureBatchStep: azureBatchStep,
  DatabricksStep: databricksStep,
  DataTransferStep: dataTransferStep,
};

/** The step kinds, in the order of `STEP_KINDS`. */
export const STEP_TYPES = Object.keys(STEP_KINDS) as StepType[];

/** Whether `type` names a step kind. */
export function isStepType(type: string): type is StepType {
  return Object.hasOwn(STEP_KINDS, type);
}

/**
 * Calls `visit` with the step's kind definition and the step, typed together. TypeScript cannot
 * correlate `STEP_KINDS[step.type]` with `step` by itself; this one place says they match.
 */
export function withKind<R>(
  step: StepIR,
  visit: <T extends StepType>(kind: StepKind<T>, step: StepIROf<T>) => R,
): R {
  return visit(STEP_KINDS[step.type] as StepKind<StepType>, step as StepIROf<StepType>);
}

/** The rules that belong to step kinds, each once. */
export function stepKindRules(): Rule[] {
  return [...new Set(Object.values(STEP_KINDS).flatMap((kind) => kind.rules))];
}
