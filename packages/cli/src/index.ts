/**
 * @amlpipe/cli: the `amlpipe` command, as a library (tests drive it in-process).
 * @packageDocumentation
 */
export {};
