import type { Command } from "commander";
import type { CliIo, ExitCodeValue } from "../cli-io.js";

/**
 * A CLI command: registers itself on the commander program. Its action stores its exit code through
 * `setExit` rather than calling `process.exit`, so tests can run it in-process.
 */
export interface CommandModule {
  readonly name: string;
  register(program: Command, io: CliIo, setExit: (code: ExitCodeValue) => void): void;
}
