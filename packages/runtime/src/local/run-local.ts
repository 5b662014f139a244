import type { Diagnostic, PipelineIR } from "@amlpipe/compiler";
import { type ExecuteOptions, executeLocalRun } from "./execute-local.js";
import { LocalLayout } from "./local-layout.js";
import { type PlanOptions, planLocalRun } from "./local-plan.js";
import type { RunRecord } from "./run-record.js";

/** Options of {@link runLocal}. */
export interface RunLocalOptions extends Omit<PlanOptions, "layout">, Omit<ExecuteOptions, "layout"> {
  /** State folder. @default ".amlpipe" under the root */
  readonly stateDir?: string;
}

/**
 * Runs a pipeline on this machine: plans it (refusing, before anything starts, steps that cannot run
 * here and inputs that cannot be found), then executes it. Returns the run record, or the diagnostics
 * that stopped it from starting.
 */
export async function runLocal(
  ir: PipelineIR,
  options: RunLocalOptions,
): Promise<{ record?: RunRecord; diagnostics: Diagnostic[]; layout: LocalLayout }> {
  const layout = new LocalLayout(options.stateDir ?? `${options.root}/.amlpipe`);
  const plan = planLocalRun(ir, { ...options, layout });
  if (plan.diagnostics.some((d) => d.severity === "error")) return { diagnostics: plan.diagnostics, layout };
  const record = await executeLocalRun(ir, plan.steps, { ...options, layout });
  return { record, diagnostics: plan.diagnostics, layout };
}
