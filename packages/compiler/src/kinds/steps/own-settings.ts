import type { StepBaseIR, StepIR } from "../../ir/step.js";
import type { TsLiteralValue } from "../ts-expression.js";

/** The keys every step's IR has (its own settings are the others). */
const BASE_KEYS: ReadonlySet<string> = new Set([
  "type",
  "key",
  "name",
  "source",
  "compute",
  "sourceDirectory",
  "environment",
  "arguments",
  "parameters",
  "inputs",
  "outputs",
  "allowReuse",
  "after",
  "unknownKeys",
  "unreadSideInputs",
] satisfies (keyof StepBaseIR | "type")[]);

/**
 * A step's own settings, in IR order: for the kinds whose settings map one to one onto their DSL
 * constructor's options (AzureBatchStep, DatabricksStep).
 */
export function ownSettings(step: StepIR): Record<string, TsLiteralValue> {
  return Object.fromEntries(
    Object.entries(step).filter(([key]) => !BASE_KEYS.has(key)) as [string, TsLiteralValue][],
  );
}
