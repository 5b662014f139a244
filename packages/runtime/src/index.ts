/**
 * @amlpipe/runtime: run a compiled pipeline locally, or attach and submit it to Azure ML.
 * @packageDocumentation
 */
export { createFsReadHost } from "./compiled/fs-read-host.js";
export {
  type LoadCompiledOptions,
  type LoadedPipeline,
  loadCompiledPipeline,
  toRootRelative,
} from "./compiled/load-compiled-pipeline.js";
export { writeCompiledFiles } from "./compiled/write-compiled-files.js";
