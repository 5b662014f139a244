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
        '\nThe new file is compiled right away and compared with the original ("round trip: identical"):\na v1 pipeline by its pipeline YAML, a v2 pipeline job setting by setting against the original file\n(each one lost, added or changed is listed). Constructs the DSL cannot express are listed as\nunsupported.\n\nExample:\n  amlpipe import legacy/pipeline.yml -o pipelines/legacy.pipeline.ts\n  amlpipe import jobs/pipeline.yml -o pipelines/taxi.pipeline.ts\n  amlpipe import project/.azureml/train.runconfig -o train.run.ts',
      )
      .action(async (input: string, options: { out: string; force?: boolean; json?: boolean }) => {
        const { importAction } = await import("../actions/import.js");
        await importAction(io, setExit, input, options);
      });
  },
};
