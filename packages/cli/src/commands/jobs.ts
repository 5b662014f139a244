import type { Command } from "commander";
import type { CliIo, ExitCodeValue } from "../cli-io.js";
import { type WorkspaceFlags, workspaceOptions } from "./azure-options.js";
import type { CommandModule } from "./command-module.js";

/** The flags every `amlpipe jobs` subcommand takes. */
export interface JobsFlags extends WorkspaceFlags {
  json?: boolean;
  max?: string;
  follow?: boolean;
}

/** The actions of actions/jobs.ts, one per subcommand. */
type ActionName = "listAction" | "showAction" | "cancelAction" | "logsAction";

/** Registers one subcommand whose action lives in actions/jobs.ts (loaded only when it runs). */
function subcommand(
  parent: Command,
  io: CliIo,
  setExit: (code: ExitCodeValue) => void,
  spec: { name: string; description: string; argument?: [string, string]; run: ActionName },
): Command {
  const command = parent.command(spec.name).description(spec.description);
  if (spec.argument) command.argument(...spec.argument);
  workspaceOptions(command).option("--json", "print the result as JSON on stdout");
  command.action(async (...args: unknown[]) => {
    const actions = await import("../actions/jobs.js");
    // commander passes the argument (when there is one), then the flags.
    const flags = args[spec.argument ? 1 : 0] as JobsFlags;
    const name = spec.argument ? String(args[0]) : "";
    setExit(await actions[spec.run](name, flags, io));
  });
  return command;
}

/** `amlpipe jobs list|show|cancel|logs`: what happened to submitted jobs, as `az ml job` shows it. */
export const jobsCommand: CommandModule = {
  name: "jobs",
  register(program, io, setExit) {
    const jobs = program
      .command("jobs")
      .description("list, show, cancel a workspace's jobs, or print and follow their logs")
      .addHelpText(
        "after",
        "\nExamples:\n  amlpipe jobs list --max 10\n  amlpipe jobs show amlpipe-train-07e47962749f\n  amlpipe jobs logs amlpipe-train-07e47962749f --follow\n  amlpipe jobs cancel amlpipe-train-07e47962749f\n\nThe workspace comes from flags, then environment, then amlpipe.config.json, then Azure ML's\n.azureml/config.json, then the Azure CLI's defaults (docs/azure.md).",
      );
    subcommand(jobs, io, setExit, {
      name: "list",
      description: "the workspace's jobs, newest first: name, type, status, experiment, created",
      run: "listAction",
    }).option("--max <n>", "show at most n jobs", "50");
    subcommand(jobs, io, setExit, {
      name: "show",
      description: "one job: status, experiment, Studio link, compute, a pipeline's steps, tags",
      argument: ["<name>", "the job's name (submit prints it)"],
      run: "showAction",
    });
    subcommand(jobs, io, setExit, {
      name: "cancel",
      description: "cancel a job and wait until the service has; a job that ended is left alone",
      argument: ["<name>", "the job's name"],
      run: "cancelAction",
    });
    subcommand(jobs, io, setExit, {
      name: "logs",
      description:
        "print a job's log (a pipeline's execution log and its steps' logs, a command job's output); --follow until it ends",
      argument: ["<name>", "the job's name"],
      run: "logsAction",
    })
      .option(
        "--follow",
        "keep printing what is added, and the status, until the job ends (exit code follows it)",
      )
      .addHelpText(
        "after",
        "\nExit codes: 0 printed (with --follow: the job completed), 1 it failed or was canceled, or no such job,\n2 usage, 130 interrupted (the job keeps running).",
      );
  },
};
