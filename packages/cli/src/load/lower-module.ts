import { fileURLToPath } from "node:url";
import {
  checkPipeline,
  type Diagnostic,
  diagnostic,
  lowerPipeline,
  lowerScriptRun,
  type PipelineIR,
  type ProjectPathOptions,
} from "@amlpipe/compiler/lowering";
import { isScriptRun } from "@amlpipe/dsl";
import { firstLine } from "./error-text.js";
import { findExportedPipelines } from "./find-exported-pipelines.js";
import { importPipelineModule } from "./import-pipeline-module.js";

/** What loading one pipeline module gives: its pipelines as plain IR, and every problem found. */
export interface LoweredModule {
  readonly units: { readonly ir: PipelineIR; readonly exportName: string }[];
  readonly diagnostics: Diagnostic[];
}

/** The request a loader worker gets: which module, and how to lower it. */
export interface LowerModuleRequest extends ProjectPathOptions {
  readonly absolute: string;
  readonly origin: string;
  readonly root: string;
  /** Put stack traces in the hints of load failures (`--debug`). */
  readonly debug?: boolean;
}

/**
 * Imports a user's pipeline module and lowers every exported pipeline to the IR. This runs the
 * user's code, so the CLI calls it inside a worker (see load-isolated.ts); a value that is not what
 * the DSL expects (a wrong runtime type from an untyped caller) becomes AP900 at the module's line.
 */
export async function lowerModule(request: LowerModuleRequest): Promise<LoweredModule> {
  const { absolute, origin } = request;
  const imported = await importPipelineModule(absolute, origin, request.debug === true);
  if ("diagnostic" in imported) return { units: [], diagnostics: [imported.diagnostic] };
  const found = findExportedPipelines(imported.namespace);
  if (found.length === 0) {
    return {
      units: [],
      diagnostics: [
        diagnostic("AP901", `"${origin}" exports no pipeline or training run`, {
          at: { file: origin, line: 1, col: 1 },
          hint: 'export one, e.g. `export default pipeline("my-pipeline").steps(...)` or `export default scriptRun("train", { script: "train.py" }).on(cluster)`',
        }),
      ],
    };
  }
  const units: LoweredModule["units"] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { exportName, pipeline } of found) {
    try {
      const lowerOptions = {
        root: request.root,
        ...(request.allowOutside ? { allowOutside: request.allowOutside } : {}),
      };
      const lowered = isScriptRun(pipeline)
        ? lowerScriptRun(pipeline, lowerOptions)
        : lowerPipeline(pipeline, lowerOptions);
      diagnostics.push(...lowered.diagnostics);
      // Values typed `any` by the user's code can be anything: the rules are tried here, where the
      // pipeline's line is known, so a value of the wrong type never crashes the CLI later.
      if (lowered.ir) checkPipeline(lowered.ir);
      if (lowered.ir) units.push({ ir: lowered.ir, exportName });
    } catch (error) {
      diagnostics.push(
        diagnostic(
          "AP900",
          `the pipeline exported as "${exportName}" holds a value the DSL does not accept: ${firstLine(error)}`,
          {
            at: pipelinePosition(pipeline.def.location, request.absolute, origin),
            hint: "type-check the module (tsc --noEmit): a value of the wrong type reached the DSL at run time",
          },
        ),
      );
    }
  }
  return { units, diagnostics };
}

/** The pipeline's own line when it was created in the module, else the module's first line. */
function pipelinePosition(
  location: { file: string; line: number; col: number },
  absolute: string,
  origin: string,
): { file: string; line: number; col: number } {
  const file = location.file.startsWith("file:") ? fileURLToPath(location.file) : location.file;
  return file === absolute && location.line > 0
    ? { file: origin, line: location.line, col: location.col }
    : { file: origin, line: 1, col: 1 };
}
