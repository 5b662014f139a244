import { type Diagnostic, diagnostic } from "@amlpipe/compiler/lowering";
import { positionInFile } from "./error-position.js";
import { firstLine, withStack } from "./error-text.js";
import { importTypeScriptModule } from "./import-typescript.js";

/** esbuild's own report of a syntax error: `<file>:<line>:<col>: ERROR: <what>`. */
const ESBUILD_ERROR = /^(.+):(\d+):(\d+): ERROR: (.+)$/m;

/**
 * Imports a pipeline module; a module that fails to load (syntax error, exception at top level,
 * a thrown non-error) becomes an AP900 diagnostic at the user's line instead of a stack trace.
 */
export async function importPipelineModule(
  absolute: string,
  origin: string,
  debug = false,
): Promise<{ namespace: Record<string, unknown> } | { diagnostic: Diagnostic }> {
  try {
    return { namespace: await importTypeScriptModule(absolute) };
  } catch (error) {
    const syntax = error instanceof Error ? ESBUILD_ERROR.exec(error.message) : null;
    const position =
      syntax && syntax[1] === absolute
        ? { line: Number(syntax[2]), col: Number(syntax[3]) + 1 }
        : (positionInFile(error, absolute) ?? { line: 1, col: 1 });
    const reason = syntax?.[4] ?? firstLine(error);
    return {
      diagnostic: diagnostic("AP900", `"${origin}" failed to load: ${reason}`, {
        at: { file: origin, ...position },
        hint: withStack(
          syntax
            ? "fix the syntax error at this line"
            : moduleFormatProblem(error)
              ? 'the file was loaded as CommonJS: add "type": "module" to the package.json beside it (amlpipe pipelines are ES modules)'
              : "fix the error at this line; the module must load without side effects beyond building the pipeline",
          error,
          debug,
        ),
      }),
    };
  }
}

/** Whether a load failed because Node took the pipeline for CommonJS (no `"type": "module"` near it). */
export function moduleFormatProblem(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /require\(\) ES Module|Cannot use import statement outside a module|ERR_REQUIRE_ESM|ERR_REQUIRE_CYCLE_MODULE/.test(
    message,
  );
}
