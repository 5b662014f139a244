import type { Diagnostic } from "@amlpipe/compiler";
import { positionInFile } from "./error-position.js";
import { importTypeScriptModule } from "./import-typescript.js";

/**
 * Imports a pipeline module; a module that fails to load (syntax error, exception at top level)
 * becomes an AP900 diagnostic at the user's line instead of a stack trace.
 */
export async function importPipelineModule(
  absolute: string,
  origin: string,
): Promise<{ namespace: Record<string, unknown> } | { diagnostic: Diagnostic }> {
  try {
    return { namespace: await importTypeScriptModule(absolute) };
  } catch (error) {
    const position = positionInFile(error, absolute) ?? { line: 1, col: 1 };
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      diagnostic: {
        code: "AP900",
        severity: "error",
        message: `"${origin}" failed to load: ${reason}`,
        at: { file: origin, ...position },
        hint: "fix the error at this line; the module must load without side effects beyond building the pipeline",
      },
    };
  }
}
