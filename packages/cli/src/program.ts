import { Command, CommanderError } from "commander";
import { type CliIo, ExitCode, type ExitCodeValue, type Verbosity } from "./cli-io.js";
import type { CommandModule } from "./commands/command-module.js";
import { compileCommand } from "./commands/compile.js";
import { completionCommands } from "./commands/completion.js";
import { detachCommand } from "./commands/detach.js";
import { emulatorCommand } from "./commands/emulator.js";
import { graphCommand } from "./commands/graph.js";
import { importCommand } from "./commands/import.js";
import { initCommand } from "./commands/init.js";
import { jobsCommand } from "./commands/jobs.js";
import { migrateCommand } from "./commands/migrate.js";
import { runCommand } from "./commands/run.js";
import { attachCommand, submitCommand } from "./commands/submit.js";
import { validateCommand } from "./commands/validate.js";
import { TOOL_VERSION } from "./version.js";

/** Every command, in the order `--help` lists them. One line per command module. */
const COMMANDS: readonly CommandModule[] = [
  compileCommand,
  validateCommand,
  runCommand,
  graphCommand,
  importCommand,
  initCommand,
  migrateCommand,
  submitCommand,
  jobsCommand,
  attachCommand,
  detachCommand,
  emulatorCommand,
];

/**
 * Builds the commander program with every command registered, writing through `io`; `completion`
 * adds `amlpipe completion`, which reads the tree of a program built without it.
 */
export function buildProgram(io: CliIo, setExit: (code: ExitCodeValue) => void, completion = true): Command {
  const program = new Command("amlpipe")
    .description(
      "Author Azure Machine Learning pipelines in TypeScript: compile them to validated YAML, run them locally, submit them from CI.",
    )
    .version(TOOL_VERSION, "-V, --version")
    .option("-q, --quiet", "say nothing on stderr but errors (results on stdout are unchanged)")
    .option("-v, --verbose", "say in detail what each command did (files written, why steps ran)")
    .option("--no-color", "no colour in diagnostics, whatever the terminal (also NO_COLOR=1)")
    .option("--debug", "show stack traces of pipeline modules that fail to load (also AMLPIPE_DEBUG=1)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .configureHelp({ helpWidth: 100 })
    .exitOverride();
  for (const command of COMMANDS) command.register(program, io, setExit);
  if (completion) completionCommands(() => buildProgram(io, () => {}, false)).register(program, io, setExit);
  return program;
}

/** `-q`/`--quiet` or `-v`/`--verbose` among the arguments (before a `--`); both is quiet's call. */
function verbosityOf(argv: readonly string[]): { verbosity?: Verbosity } {
  const end = argv.indexOf("--");
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes("-q") || flags.includes("--quiet")) return { verbosity: "quiet" };
  if (flags.includes("-v") || flags.includes("--verbose")) return { verbosity: "verbose" };
  return {};
}

/**
 * Runs the CLI with `argv` (without the node and script entries) and resolves to the exit code:
 * 0 ok, 1 diagnostics or failure, 2 usage.
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  // --debug, --no-color, -q and -v are read before parsing: the commands below see them through io.
  const noColor = argv.includes("--no-color");
  const io: CliIo = {
    ...given,
    env: {
      ...given.env,
      ...(argv.includes("--debug") ? { AMLPIPE_DEBUG: "1" } : {}),
      // --no-color wins over the terminal and FORCE_COLOR, as NO_COLOR does.
      ...(noColor ? { NO_COLOR: "1", FORCE_COLOR: undefined } : {}),
    },
    ...(noColor ? { stderrColors: false } : {}),
    ...verbosityOf(argv),
  };

  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; parse errors with 1 (commander's) -> 2.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    throw error;
  }
  return exitCode;
}
