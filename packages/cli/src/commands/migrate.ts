import type { CommandModule } from "./command-module.js";

/** `amlpipe migrate <v1 pipeline.yaml>`: writes the v2 pipeline job YAML (and, with --ts, the TypeScript). */
export const migrateCommand: CommandModule = {
  name: "migrate",
  register(program, io, setExit) {
    program
      .command("migrate")
      .description("migrate a v1 pipeline YAML to the v2 pipeline job YAML that today's Azure ML runs")
      .argument("<input>", "a v1 pipeline YAML or compiled directory")
      .option("-o, --out <dir>", "where to write the v2 files", "out-v2")
      .option("--ts <file>", "also write the pipeline as amlpipe TypeScript (amlpipe import)")
      .option("--json", "print the migration report as JSON")
      .addHelpText(
        "after",
        "\nThe runconfig and parallel_run_config files the v1 file names are read: their environment, code\nfolder and entry script are carried. Steps with no faithful v2 form (AdlaStep, AzureBatchStep,\nDatabricksStep, Spark off Synapse, a ParallelRunStep whose config cannot be read, an input bound to\nnothing) are left out of the v2 YAML and listed with their line and reason; every setting not carried\nis a warning (notCarried in --json). Exit codes: 0 every step migrated, 1 some step could not be (the\nrest is still written), 2 usage.\n\nExample:\n  amlpipe migrate legacy/pipeline.yml -o out-v2 --ts pipelines/legacy.pipeline.ts",
      )
      .action(async (input: string, options: { out: string; ts?: string; json?: boolean }) => {
        const { migrateAction } = await import("../actions/migrate.js");
        await migrateAction(io, setExit, input, options);
      });
  },
};
