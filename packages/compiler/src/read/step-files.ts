import { posix } from "node:path";
import { type Diagnostic, diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { STEP_KINDS } from "../kinds/steps/index.js";

/**
 * AP104 for each step whose source folder, or a script in it, does not exist: what `run` and
 * `submit` refuse, said at the step's line (its `.ts` line for a DSL pipeline). `exists` answers for
 * root-relative POSIX paths; the severity is the caller's (a warning in validate, an error in run).
 */
export function missingStepFiles(
  ir: PipelineIR,
  exists: (path: string) => boolean,
  severity: Severity,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const step of ir.steps) {
    if (step.sourceDirectory === undefined) continue;
    if (!exists(step.sourceDirectory)) {
      diagnostics.push(
        diagnostic("AP104", `step "${step.key}": source folder "${step.sourceDirectory}" does not exist`, {
          at: step.source,
          hint: "sourceDirectory is relative to the pipeline file",
          severity,
        }),
      );
      continue;
    }
    const scripts = (STEP_KINDS[step.type].scripts as (s: typeof step) => readonly string[])(step);
    for (const script of scripts) {
      const path = posix.join(step.sourceDirectory, script.replace(/\\/g, "/"));
      if (!exists(path))
        diagnostics.push(
          diagnostic(
            "AP104",
            `step "${step.key}": script "${script}" is not in its source folder (looked for ${path})`,
            {
              at: step.source,
              hint: "check the script's name, relative to the step's sourceDirectory",
              severity,
            },
          ),
        );
    }
  }
  return diagnostics;
}
