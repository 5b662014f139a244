import { prewarmLoaderFor } from "../load/loader-prewarm.js";
import { allowOutsideOption } from "./allow-outside.js";
import type { CommandModule } from "./command-module.js";

/** The options of `amlpipe run`, as commander parses them. */
export interface RunOptions {
  stateDir?: string;
  jobs?: string;
  data: string[];
  stub: string[];
  param: string[];
  pipeline?: string;
  explain?: boolean;
  force?: boolean;
  json?: boolean;
  allowOutside?: string[];
}

/** `amlpipe run <compiled-dir | pipeline.yaml | file.ts>`: the local backend. */
export const runCommand: CommandModule = {
  name: "run",
  register(program, io, setExit) {
    const collect = (value: string, previous: string[]) => [...previous, value];
    program
      .command("run")
      .description("run a compiled pipeline on this machine (datastores are folders under .amlpipe/)")
      .argument("<input>", "a compiled directory, a pipeline YAML, or a pipeline .ts file (compiled first)")
      .option("--state-dir <dir>", "where runs, results and datastores live", ".amlpipe")
      .option("-j, --jobs <n>", "steps run at the same time at most (default: cores)")
      .option(
        "--data <name=path>",
        "use a local file or folder for a data reference (repeatable)",
        collect,
        [],
      )
      .option(
        "--stub <step=folder>",
        "supply a step's outputs instead of running it (repeatable)",
        collect,
        [],
      )
      .option("--param <name=value>", "override a pipeline parameter (repeatable)", collect, [])
      .option("--pipeline <name>", "which pipeline, when the .ts file exports several")
      .option("--explain", "say for each step why it was or was not reused")
      .option("--force", "run every step, even those whose result could be reused")
      .option("--json", "print the run record as JSON on stdout")
      .addOption(allowOutsideOption())
      .addHelpText(
        "after",
        "\nExamples:\n  amlpipe run out/examples/demo --data raw_measurements=examples/demo/data/measurements.csv\n  amlpipe run examples/demo/pipeline.ts --explain\n  amlpipe run examples/training-runs/train.run.ts --pipeline train-local --force\n  amlpipe run out/p --stub usql_step=fixtures/usql-output\n\nSteps whose code, environment, parameters and inputs are unchanged are reused (--force runs\nthem anyway). A training run (scriptRun) keeps what its script writes to outputs/. A run killed\nhalf-way loses nothing that finished: run it again. Ctrl-C starts no more steps and lets the\nrunning ones finish; a second Ctrl-C kills them. Exit codes: 0 all steps succeeded, 1 a step\nfailed or the pipeline cannot run here, 2 usage, 130 interrupted.",
      )
      .action(async (input: string, options: RunOptions) => {
        // The loader worker starts on the other core while this thread loads the compiler.
        prewarmLoaderFor(input);
        const { runAction } = await import("../actions/run.js");
        await runAction(io, setExit, input, options);
      });
  },
};
