import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** The heap a pipeline module may use while it loads, in MB. */
export const LOADER_HEAP_MB = 4096;

/**
 * The built worker script. Under the test runner this module runs from `src/`, where only the
 * TypeScript exists, so the built copy in `dist/` is used (`pnpm build` runs before the tests).
 */
export function workerScript(): URL {
  const beside = new URL("./load-worker.js", import.meta.url);
  return existsSync(fileURLToPath(beside))
    ? beside
    : new URL("../../dist/load/load-worker.js", import.meta.url);
}

/** The options of a loader worker: its data, heap limit and no inherited flags. */
export function workerOptions(workerData: unknown, heapMb: number): WorkerOptions {
  return {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // Not the parent's flags: a test runner's `--conditions source` would resolve the compiler to
    // its TypeScript sources, which plain node cannot load before tsx is registered.
    execArgv: [],
    stdout: false,
    stderr: false,
  };
}

let prewarmed: { worker: Worker; heapMb: number; alive: boolean } | undefined;

/**
 * Starts a loader worker now, before the command has loaded the compiler: it loads its modules and
 * registers tsx on the second core while the main thread loads its own, then waits for a request
 * (load-isolated.ts takes it). It does not keep the process alive if nobody takes it.
 */
export function prewarmLoader(heapMb: number = LOADER_HEAP_MB): void {
  if (prewarmed?.alive) return;
  const worker = new Worker(workerScript(), workerOptions({ prewarm: true }, heapMb));
  const entry = { worker, heapMb, alive: true };
  worker.on("error", () => {
    entry.alive = false;
  });
  worker.on("exit", () => {
    entry.alive = false;
  });
  worker.unref();
  prewarmed = entry;
}

/** The prewarmed worker, if one is ready with these limits (once); the caller posts its request. */
export function takePrewarmedLoader(heapMb: number): Worker | undefined {
  const entry = prewarmed;
  prewarmed = undefined;
  if (!entry?.alive || entry.heapMb !== heapMb) {
    void entry?.worker.terminate();
    return undefined;
  }
  entry.worker.ref();
  return entry.worker;
}

/** A TypeScript or JavaScript module: what the loader loads. */
const MODULE_FILE = /\.(?:m?ts|m?js)$/;

/** {@link prewarmLoader} when `input` names a TypeScript or JavaScript module. */
export function prewarmLoaderFor(input: string): void {
  if (MODULE_FILE.test(input)) prewarmLoader();
}

/** The commands that load the pipeline modules their command line names. */
export const LOADING_COMMANDS: ReadonlySet<string> = new Set(["compile", "validate", "run", "graph"]);

/**
 * {@link prewarmLoader} from the raw command line, before the CLI's own modules load: when it starts
 * with a command that loads modules and names one, the worker starts some 40 ms sooner than the
 * command's action could start it, and the worker is the longest part of compiling one file. Only
 * a head start: the command still takes the worker by its input, or leaves it unused.
 */
export function prewarmForCommandLine(argv: readonly string[]): void {
  if (!LOADING_COMMANDS.has(argv[0] ?? "") || argv.includes("--help") || argv.includes("-h")) return;
  if (argv.slice(1).some((arg) => !arg.startsWith("-") && MODULE_FILE.test(arg))) prewarmLoader();
}
