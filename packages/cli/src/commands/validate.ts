import type { CompileTarget, DiagnosticFormat } from "@amlpipe/compiler";
import { Option } from "commander";
import { prewarmLoaderFor } from "../load/loader-prewarm.js";
import { allowOutsideOption } from "./allow-outside.js";
import type { CommandModule } from "./command-module.js";
import { chosenFormat, formatOptions } from "./format-options.js";

/** `amlpipe validate <input>`: every check of compile, nothing written. */
export const validateCommand: CommandModule = {
  name: "validate",
  register(program, io, setExit) {
    const command = program
      .command("validate")
      .description(
        "check pipelines (TS or YAML) with every rule, the shipped schemas and TypeScript's type checker; write nothing",
      )
      .argument(
        "<inputs...>",
        "pipeline .ts files, pipeline YAMLs, compiled directories, folders, or glob patterns of them",
      )
      .addOption(
        new Option(
          "--target <target>",
          "check for the v1 or v2 target (default: v1; v2 for a v2 YAML input)",
        ).choices(["v1", "v2"]),
      )
      .option(
        "--no-typecheck",
        "skip type-checking the TypeScript modules (TypeScript's compiler API, your tsconfig.json: AP905)",
      )
      .option(
        "--fix",
        "apply the mechanical fixes to your .ts files (e.g. AP301's copy step), then check again",
      )
      .addHelpText(
        "after",
        "\nExamples:\n  amlpipe validate pipeline.yaml\n  amlpipe validate examples --format github\n  amlpipe validate 'pipelines/*.pipeline.ts' out/legacy\n  amlpipe validate pipelines/adla.pipeline.ts --fix\n\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage.",
      );
    for (const option of [...formatOptions(), allowOutsideOption()]) command.addOption(option);
    command.action(
      async (
        inputs: string[],
        opts: {
          target?: CompileTarget;
          format: DiagnosticFormat;
          json?: boolean;
          fix?: boolean;
          allowOutside?: string[];
          typecheck: boolean;
        },
      ) => {
        // The loader worker starts on the other core while this thread loads the compiler.
        for (const input of inputs) prewarmLoaderFor(input);
        const { compileToDirectory, reportCompileOutcome } = await import(
          "../actions/compile-to-directory.js"
        );
        const check = {
          out: ".",
          ...(opts.target ? { target: opts.target } : {}),
          write: false,
          ...(opts.allowOutside ? { allowOutside: opts.allowOutside } : {}),
          typecheck: opts.typecheck,
        };
        let outcome = await compileToDirectory(inputs, check, io);
        if (opts.fix && outcome.diagnostics.some((d) => d.fix)) {
          const { applyFixes } = await import("../fix/apply-fixes.js");
          for (const fixed of await applyFixes(outcome.diagnostics, io.cwd)) {
            io.stderr(
              `${fixed.applied ? "fixed" : "could not fix"} ${fixed.file}:${fixed.line}: ${fixed.description}\n`,
            );
          }
          outcome = await compileToDirectory(inputs, check, io);
        }
        setExit(reportCompileOutcome(io, outcome, chosenFormat(opts), false) as 0 | 1);
      },
    );
  },
};
