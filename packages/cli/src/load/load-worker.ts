import { parentPort, workerData } from "node:worker_threads";
import type { Diagnostic } from "@amlpipe/compiler";
import { firstLine } from "./error-text.js";
import { ensureTypeScriptLoader } from "./import-typescript.js";
import type { LowerModuleRequest } from "./lower-module.js";

// The worker side of load-isolated.ts: load one pipeline module, post the IR back, end. The loader
// is registered before anything else is imported, so that the compiler and DSL resolve through it
// whatever export conditions this thread inherited (the test runner's `source` among them).
const request = workerData as LowerModuleRequest;
const rejections: Diagnostic[] = [];
process.on("unhandledRejection", (reason) => {
  rejections.push({
    code: "AP900",
    severity: "error",
    message: `"${request.origin}" left a promise rejected while loading: ${firstLine(reason)}`,
    at: { file: request.origin, line: 1, col: 1 },
    hint: "await (or catch) every promise the module starts at load time",
  });
});
await ensureTypeScriptLoader();
const { lowerModule } = await import("./lower-module.js");
const result = await lowerModule(request);
// Rejections of promises the module started surface after a turn of the event loop.
await new Promise((resolve) => setImmediate(resolve));
parentPort?.postMessage({
  kind: "result",
  result: { ...result, diagnostics: [...result.diagnostics, ...rejections] },
});
