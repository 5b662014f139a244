import type { CommandModule } from "./command-module.js";

/** `amlpipe import <pipeline.yaml> [-o pipeline.ts]`. */
export const importCommand: CommandModule = {
  name: "import",
  register(program, io, setExit) {
    program
      .command("import")
      .description("write an existing pipeline YAML as amlpipe TypeScript, with a fidelity report")
      .argument(
        "<input>",
        "a v1 pipeline YAML, a v2 pipeline or command job YAML, a training run's .runconfig, or a compiled directory",
      )
      .option("-o, --out <file>", "the TypeScript file to write", "pipeline.ts")
      .option("--force", "overwrite the output file")
      .option("--json", "print the result as JSON")
      .addHelpText(
        "after",
        "\nThe new file is compiled right away and compared with the original file, setting by setting, as\nthe SDK v1 loader (or azure-ai-ml, for v2) reads each: every setting lost, added or changed is\nlisted, and \"round trip: identical\" means none. The errors compile would report on the new file\n(placeholders to fill in, absolute paths from another machine) are listed too. Constructs the DSL\ncannot express are listed as unsupported; guesses (a datastore's kind, an ADLA account's default\nstore) as review.\n\nExample:\n  amlpipe import legacy/pipeline.yml -o pipelines/legacy.pipeline.ts\n  amlpipe import jobs/pipeline.yml -o pipelines/taxi.pipeline.ts\n  amlpipe import project/.azureml/train.runconfig -o train.run.ts",
      )
      .action(async (input: string, options: { out: string; force?: boolean; json?: boolean }) => {
        const { importAction } = await import("../actions/import.js");
        await importAction(io, setExit, input, options);
      });
  },
};
