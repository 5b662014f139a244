/**
 * The part of the compiler the CLI's loader worker needs: lowering a DSL pipeline to the IR, and the
 * rules (run there so a value of the wrong type fails at the module's line). A thread that loads
 * only this loads about a seventh of the full bundle, and no YAML library: it is on the critical
 * path of compiling a `.ts` file. Not a public API; `@amlpipe/compiler` exports all of it too, and
 * is what `require()` (and resolvers without `exports`, through `lowering/package.json`) get here.
 * @packageDocumentation
 */
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { diagnostic } from "./diagnostics/diagnostic.js";
export type { PipelineIR } from "./ir/pipeline.js";
export { type LowerOptions, lowerPipeline } from "./lower/lower-pipeline.js";
export { lowerScriptRun } from "./lower/lower-script-run.js";
export type { ProjectPathOptions } from "./names/project-paths.js";
export { checkPipeline } from "./rules/check-pipeline.js";
