import { parentPort, workerData } from "node:worker_threads";
import { type Diagnostic, diagnostic } from "@amlpipe/compiler/lowering";
import { firstLine } from "./error-text.js";
import { ensureTypeScriptLoader } from "./import-typescript.js";
import { type LowerModuleRequest, lowerModule } from "./lower-module.js";

// The worker side of load-isolated.ts: load one pipeline module, post the IR back, end. The
// compiler's lowering entry (lowering and the rules, without the YAML libraries) was imported
// natively above; tsx's hooks are registered only now, for the user's module and what it imports,
// so the compiler's code does not pay for them. A prewarmed worker (loader-prewarm.ts) gets ready
// first and receives its request as a message.
const given = workerData as LowerModuleRequest | { readonly prewarm: true };
let request: LowerModuleRequest = "prewarm" in given ? { absolute: "", origin: "<module>", root: "" } : given;
const rejections: Diagnostic[] = [];
process.on("unhandledRejection", (reason) => {
  rejections.push(
    diagnostic("AP900", `"${request.origin}" left a promise rejected while loading: ${firstLine(reason)}`, {
      at: { file: request.origin, line: 1, col: 1 },
      hint: "await (or catch) every promise the module starts at load time",
    }),
  );
});
await ensureTypeScriptLoader();
if ("prewarm" in given)
  request = await new Promise<LowerModuleRequest>((resolve) =>
    parentPort?.once("message", (message: LowerModuleRequest) => resolve(message)),
  );
const result = await lowerModule(request);
// Rejections of promises the module started surface after a turn of the event loop.
await new Promise((resolve) => setImmediate(resolve));
parentPort?.postMessage({
  kind: "result",
  result: { ...result, diagnostics: [...result.diagnostics, ...rejections] },
});
