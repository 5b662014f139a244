/**
 * @amlpipe/runtime: run a compiled pipeline locally, or attach and submit it to Azure ML.
 * @packageDocumentation
 */
export {};
