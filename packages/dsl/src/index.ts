/**
 * @amlpipe/dsl: author Azure Machine Learning pipelines as typed, immutable TypeScript values.
 * @packageDocumentation
 */

export { isPipeline, type Pipeline } from "./pipeline-brand.js";
