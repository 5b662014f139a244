import { allowOutsideOption } from "./allow-outside.js";
import { type WorkspaceFlags, workspaceOptions } from "./azure-options.js";
import type { CommandModule } from "./command-module.js";

/** The flags of `amlpipe submit` and `amlpipe attach`, as commander parses them. */
export interface SubmitFlags extends WorkspaceFlags {
  dryRun?: boolean;
  reattach?: boolean;
  wait?: boolean;
  param: string[];
  tag?: string[];
  submissionId?: string;
  experiment?: string;
  json?: boolean;
  cancelOnInterrupt?: boolean;
  download?: string;
  allowOutside?: string[];
}

/** `amlpipe submit <compiled-dir>`. */
export const submitCommand: CommandModule = {
  name: "submit",
  register(program, io, setExit) {
    const command = program
      .command("submit")
      .description(
        "attach computes, check the live workspace, upload snapshots, submit the pipeline job (and follow it)",
      )
      .argument(
        "<dir>",
        "a compiled directory (amlpipe compile) of a pipeline or training run, or a pipeline YAML (v1 or v2)",
      );
    workspaceOptions(command)
      .option(
        "--dry-run",
        "print the plan (computes, checks, files and bytes to upload, the job) and change nothing",
      )
      .option("--reattach", "detach and attach again a compute attached with other settings")
      .option("--wait", "follow the job until it ends; the exit code follows its final status")
      .option(
        "--param <name=value>",
        "override a pipeline parameter (repeatable)",
        (v: string, p: string[]) => [...p, v],
        [],
      )
      .option(
        "--cancel-on-interrupt",
        "with --wait: cancel the job when interrupted (Ctrl-C, or CI stopping the run)",
      )
      .option(
        "--tag <name=value>",
        "add a tag to the job (repeatable)",
        (v: string, p: string[]) => [...p, v],
        [],
      )
      .option(
        "--submission-id <id>",
        "names the job with a hash of the pipeline, code and parameters: the same id and content find the earlier job (an interrupted submit run again), changed content makes a new one; in CI pass $GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT",
      )
      .option(
        "--experiment <name>",
        "the experiment the job is filed under (default: the run's .experiment(), else the pipeline's name)",
      )
      .option(
        "--download <dir>",
        "with --wait, for a training run: download the job's outputs/ to <dir>/<job>/ once it completes",
      )
      .option("--json", "print the report as JSON")
      .addOption(allowOutsideOption())
      .addHelpText(
        "after",
        "\nWhat a submit does, in order (as the official SDK does): resolve computes and environments to ARM ids,\nattach the computes the steps use, upload each source folder to the default datastore (LocalUpload/<hash>/,\nskipped when unchanged), register code, environment and component versions, create the job with REST nodes.\nA step with no v2 form (DatabricksStep, AdlaStep, AzureBatchStep) refuses the whole submit (AP700).\nA training run (scriptRun) is sent as a command job; --wait streams its log, --download fetches outputs/.\n\nExamples:\n  amlpipe submit out/train --dry-run\n  amlpipe submit out/train --wait --submission-id $GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT\n  amlpipe submit out/train-aml-cluster --wait --download results\n  amlpipe emulator --port 5577 & amlpipe submit out/train --emulator http://127.0.0.1:5577 --wait\n\nThe workspace: flags, then environment, then amlpipe.config.json, then Azure ML's .azureml/config.json,\nthen az configure --defaults (docs/azure.md). Signs in with DefaultAzureCredential (service principal\nvariables, workload identity / OIDC, az login).\nExit codes: 0 submitted (and, with --wait, completed), 1 refused or failed, 2 usage.",
      )
      .action(async (dir: string, flags: SubmitFlags) =>
        setExit(await (await import("../actions/submit.js")).runSubmit(dir, flags, io, false)),
      );
  },
};

/** `amlpipe attach <compiled-dir>`: get-or-attach every compute of the pipeline. */
export const attachCommand: CommandModule = {
  name: "attach",
  register(program, io, setExit) {
    const command = program
      .command("attach")
      .description("attach the pipeline's computes (get, else attach, then wait for provisioning)")
      .argument("<dir>", "a compiled directory (its computes/*.yaml)");
    workspaceOptions(command)
      .option("--dry-run", "say what would be attached; change nothing")
      .option("--reattach", "detach and attach again a compute attached with other settings")
      .option("--json", "print the report as JSON")
      .addOption(allowOutsideOption())
      .action(async (dir: string, flags: SubmitFlags) =>
        setExit(
          await (await import("../actions/submit.js")).runSubmit(dir, { ...flags, param: [] }, io, true),
        ),
      );
  },
};
