import { Option } from "commander";
import { prewarmLoaderFor } from "../load/loader-prewarm.js";
import type { CommandModule } from "./command-module.js";

/** The options of `amlpipe graph`, as commander parses them. */
export interface GraphOptions {
  format: string;
  out?: string;
  pipeline?: string;
  diff?: boolean;
  exitCode?: boolean;
  json?: boolean;
}

/** `amlpipe graph <input>` and `amlpipe graph --diff A B`. */
export const graphCommand: CommandModule = {
  name: "graph",
  register(program, io, setExit) {
    program
      .command("graph")
      .description("draw a pipeline's DAG (Mermaid, DOT or SVG), or show what changed between two versions")
      .argument("<input>", "a pipeline .ts file, YAML or compiled directory (with --diff: the old version)")
      .argument("[other]", "with --diff: the new version")
      .addOption(
        new Option("--format <format>", "output format")
          .choices(["mermaid", "dot", "svg"])
          .default("mermaid"),
      )
      .option("-o, --out <file>", "write to a file instead of stdout")
      .option("--pipeline <name>", "which pipeline, when the input holds several")
      .option(
        "--diff",
        "compare <input> (old) with <other> (new): added, removed and changed steps and edges",
      )
      .option("--exit-code", "with --diff: exit 3 when there are changes, 0 when none")
      .option("--json", "with --diff: print the diff as JSON")
      .addHelpText(
        "after",
        "\nSteps are coloured by compute kind; data references are cylinders, intermediate data notes,\nordering without data dashed edges.\n\nExamples:\n  amlpipe graph examples/demo/pipeline.ts > dag.mmd\n  amlpipe graph out/demo --format svg -o dag.svg\n  amlpipe graph --diff main-out/demo out/demo --exit-code   # markdown for a PR comment",
      )
      .action(async (input: string, other: string | undefined, options: GraphOptions) => {
        // The loader worker starts on the other core while this thread loads the compiler.
        prewarmLoaderFor(input);
        const { graphAction } = await import("../actions/graph.js");
        await graphAction(io, setExit, input, other, options);
      });
  },
};
