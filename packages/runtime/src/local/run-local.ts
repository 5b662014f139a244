import { checkPathSafety, type Diagnostic, diagnostic, type PipelineIR } from "@amlpipe/compiler";
import { OutsideRootError } from "../fs/path-guard.js";
import { type ExecuteOptions, executeLocalRun } from "./execute-local.js";
import { LocalLayout } from "./local-layout.js";
import { type PlanOptions, planLocalRun } from "./local-plan.js";
import type { RunRecord } from "./run-record.js";
import { lockStateFolder } from "./state-lock.js";

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
  // The IR may come straight from the API: names and folders are checked here too, before any path.
  const unsafe = checkPathSafety(ir, options);
  if (unsafe.length > 0) return { diagnostics: unsafe, layout };
  let plan: ReturnType<typeof planLocalRun>;
  try {
    plan = planLocalRun(ir, { ...options, layout });
  } catch (error) {
    if (!(error instanceof OutsideRootError)) throw error;
    return { diagnostics: [outsideRootDiagnostic(error, ir)], layout };
  }
  if (plan.diagnostics.some((d) => d.severity === "error")) return { diagnostics: plan.diagnostics, layout };
  const release = await lockStateFolder(layout.root, () =>
    options.onEvent?.({
      type: "note",
      step: "",
      text: `waiting for another run to finish with ${layout.root}`,
    }),
  );
  try {
    const record = await executeLocalRun(ir, plan.steps, { ...options, layout });
    return { record, diagnostics: plan.diagnostics, layout };
  } finally {
    await release();
  }
}

/** AP903 for a path the guard refused: nothing was touched. */
export function outsideRootDiagnostic(error: OutsideRootError, ir: PipelineIR): Diagnostic {
  return diagnostic("AP903", `${error.message}; nothing was written or deleted`, {
    at: ir.source,
    hint: "a name or path of this pipeline points outside amlpipe's folders: rename it (see AP109, AP110)",
  });
}
