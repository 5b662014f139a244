/**
 * @amlpipe/cli: the `amlpipe` command, as a library (tests drive it in-process).
 * @packageDocumentation
 */
export { type CliIo, ExitCode, type ExitCodeValue } from "./cli-io.js";
export { cliReference } from "./cli-reference.js";
export type { CommandModule } from "./commands/command-module.js";
export { buildProgram, runCli } from "./program.js";
export { TOOL_VERSION } from "./version.js";
