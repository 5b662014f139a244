import type { CompileTarget, DiagnosticFormat } from "@amlpipe/compiler";
import { Option } from "commander";
import { prewarmLoaderFor } from "../load/loader-prewarm.js";
import { allowOutsideOption } from "./allow-outside.js";
import type { CommandModule } from "./command-module.js";
import { chosenFormat, formatOptions } from "./format-options.js";

/** `amlpipe compile <input> -o <out>`. */
export const compileCommand: CommandModule = {
  name: "compile",
  register(program, io, setExit) {
    const command = program
      .command("compile")
      .description(
        "compile pipelines to a directory per pipeline (pipeline.yaml, computes/, manifest.json, ...)",
      )
      .argument(
        "<inputs...>",
        "pipeline or training-run .ts files, pipeline YAMLs, folders of *.pipeline.ts / *.run.ts files, or glob patterns of them",
      )
      .option("-o, --out <dir>", "output folder; each pipeline goes to <dir>/<pipeline-name>/", "out")
      .addOption(
        new Option(
          "--target <target>",
          "v1 pipeline YAML, or v2 pipeline job YAML (default: v1; v2 for a v2 YAML input)",
        ).choices(["v1", "v2"]),
      )
      .option(
        "--typecheck",
        "type-check the TypeScript modules first, as validate does (AP905); a pipeline whose module has a type error is not written",
      )
      .addHelpText(
        "after",
        "\nExamples:\n  amlpipe compile examples/demo/pipeline.ts -o out\n  amlpipe compile examples --target v2 --format github\n  amlpipe compile 'pipelines/**/*.pipeline.ts' legacy/pipeline.yaml -o out\n\nExit codes: 0 compiled, 1 errors found (pipelines with errors are not written; the others are), 2 usage.",
      );
    for (const option of [...formatOptions(), allowOutsideOption()]) command.addOption(option);
    command.action(
      async (
        inputs: string[],
        opts: {
          out: string;
          target?: CompileTarget;
          format: DiagnosticFormat;
          json?: boolean;
          allowOutside?: string[];
          typecheck?: boolean;
        },
      ) => {
        // The loader worker starts on the other core while this thread loads the compiler.
        for (const input of inputs) prewarmLoaderFor(input);
        // Loaded here, not at start-up: `amlpipe --version` and other commands never pay for the compiler.
        const { compileToDirectory, reportCompileOutcome } = await import(
          "../actions/compile-to-directory.js"
        );
        const outcome = await compileToDirectory(
          inputs,
          {
            out: opts.out,
            ...(opts.target ? { target: opts.target } : {}),
            write: true,
            ...(opts.allowOutside ? { allowOutside: opts.allowOutside } : {}),
            ...(opts.typecheck ? { typecheck: true } : {}),
          },
          io,
        );
        setExit(reportCompileOutcome(io, outcome, chosenFormat(opts), true) as 0 | 1);
      },
    );
  },
};
