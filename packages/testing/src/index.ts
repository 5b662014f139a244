/**
 * @amlpipe/testing: test your pipelines in your own test runner (vitest, jest, node:test):
 * `synth(pipeline)` compiles in memory; assert on `step(key)`, `stepEdges()`, `diagnostics`, or
 * snapshot `yaml`.
 * @packageDocumentation
 */
export { assertValid, type SynthOptions, type SynthResult, synth } from "./synth.js";
