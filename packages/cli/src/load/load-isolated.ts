import { Worker } from "node:worker_threads";
import { type Diagnostic, diagnostic } from "@amlpipe/compiler";
import { positionInFile } from "./error-position.js";
import { firstLine, withStack } from "./error-text.js";
import { moduleFormatProblem } from "./import-pipeline-module.js";
import { LOADER_HEAP_MB, takePrewarmedLoader, workerOptions, workerScript } from "./loader-prewarm.js";
import type { LoweredModule, LowerModuleRequest } from "./lower-module.js";

/** Limits of one module load. */
export interface LoadLimits {
  /** Wall-clock time a module may take to load. @default 30 s, or AMLPIPE_LOAD_TIMEOUT_MS */
  readonly timeoutMs: number;
  /** Heap the module may use. @default 4096 MB */
  readonly heapMb: number;
  /** Show the stack trace of a failure in its hint (`--debug`, AMLPIPE_DEBUG=1). */
  readonly debug: boolean;
}

/** The default limits, with `AMLPIPE_LOAD_TIMEOUT_MS` read from `env`. */
export function loadLimits(env: Readonly<Record<string, string | undefined>>): LoadLimits {
  const timeout = Number(env.AMLPIPE_LOAD_TIMEOUT_MS);
  return {
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 30_000,
    heapMb: LOADER_HEAP_MB,
    debug: env.AMLPIPE_DEBUG === "1",
  };
}

/**
 * Loads a pipeline module in a worker thread, so that nothing the module does can end or hang the
 * CLI: `process.exit()` ends only the worker, an endless loop or a top-level await that never
 * settles hits the time limit and the worker is terminated, a thrown value, a rejected promise or a
 * heap blow-up ends the worker with an error. Each of these is an AP900 diagnostic at the module's
 * line when the stack names it, with no stack trace.
 */
export function loadModuleIsolated(request: LowerModuleRequest, limits: LoadLimits): Promise<LoweredModule> {
  return new Promise((resolve) => {
    const warm = takePrewarmedLoader(limits.heapMb);
    const worker =
      warm ?? new Worker(workerScript(), workerOptions({ ...request, debug: limits.debug }, limits.heapMb));
    if (warm) warm.postMessage({ ...request, debug: limits.debug });
    let settled = false;
    const finish = (result: LoweredModule) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const fail = (message: string, hint: string, at = { line: 1, col: 1 }) =>
      finish({ units: [], diagnostics: [failure(request.origin, message, hint, at)] });
    const timer = setTimeout(
      () =>
        fail(
          `"${request.origin}" did not finish loading within ${limits.timeoutMs / 1000} s`,
          "a loop that never ends or a top-level await that never settles? Set AMLPIPE_LOAD_TIMEOUT_MS for slow modules",
        ),
      limits.timeoutMs,
    );
    worker.on("message", (message: { kind: string; result: LoweredModule }) => finish(message.result));
    worker.on("error", (error) => {
      const position = positionInFile(error, request.absolute);
      const memory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
      fail(
        memory
          ? `"${request.origin}" used more than ${limits.heapMb} MB while loading`
          : `"${request.origin}" failed to load: ${firstLine(error)}`,
        withStack(
          moduleFormatProblem(error)
            ? 'the file was loaded as CommonJS: add "type": "module" to the package.json beside it (amlpipe pipelines are ES modules)'
            : "fix the error at this line; the module must load without side effects beyond building the pipeline",
          error,
          limits.debug,
        ),
        position,
      );
    });
    worker.on("exit", (code) =>
      code === 13
        ? fail(
            `"${request.origin}" never finished loading: a top-level await never settled`,
            "every top-level await of a pipeline module must settle",
          )
        : fail(
            `"${request.origin}" called process.exit(${code}) while loading; nothing was checked`,
            "a pipeline module must not call process.exit(): export the pipeline and let amlpipe decide",
          ),
    );
  });
}

function failure(
  origin: string,
  message: string,
  hint: string,
  at: { line: number; col: number },
): Diagnostic {
  return diagnostic("AP900", message, { at: { file: origin, ...at }, hint: hint });
}
