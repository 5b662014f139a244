import { posix } from "node:path";
import type { StepBaseIR } from "../ir/step.js";
import type { StepReadContext } from "./read-step.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** Reports AP104 when `script` is not in the step's (existing) source directory. */
export function checkScript(
  base: StepBaseIR,
  script: string | undefined,
  cursor: YamlCursor,
  context: StepReadContext,
): void {
  if (script === undefined || base.sourceDirectory === undefined) return;
  const path = posix.join(base.sourceDirectory, script.replace(/\\/g, "/"));
  if (context.host.exists(base.sourceDirectory) && !context.host.exists(path)) {
    cursor.file.report(
      "AP104",
      context.missingFileSeverity,
      `script "${script}" is not in source_directory (looked for ${path})`,
      cursor.at,
    );
  }
}
