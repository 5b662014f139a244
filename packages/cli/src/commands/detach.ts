import { ExitCode, say } from "../cli-io.js";
import { azureFailure, resolveWorkspace, type WorkspaceFlags, workspaceOptions } from "./azure-options.js";
import type { CommandModule } from "./command-module.js";

/** `amlpipe detach NAME`: detaches a compute; never deletes the Azure resource. */
export const detachCommand: CommandModule = {
  name: "detach",
  register(program, io, setExit) {
    const command = program
      .command("detach")
      .description("detach a compute from the workspace (the resource itself is kept)")
      .argument("<name>", "the compute name");
    workspaceOptions(command).action(async (name: string, flags: WorkspaceFlags) => {
      const target = resolveWorkspace(flags, io);
      if ("error" in target) {
        io.stderr(`error: ${target.error}\n`);
        setExit(ExitCode.usage);
        return;
      }
      try {
        const { detachFromAzure } = await import("@amlpipe/runtime");
        const detached = await detachFromAzure(name, target, target.emulator ? 100 : 5000);
        say(io, detached ? `detached ${name}\n` : `${name} is not attached: nothing to do\n`);
        setExit(ExitCode.ok);
      } catch (error) {
        io.stderr(`error: ${azureFailure(error)}\n`);
        setExit(ExitCode.failed);
      }
    });
  },
};
