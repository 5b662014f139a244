import { startArmEmulator } from "@amlpipe/runtime";
import type { CommandModule } from "./command-module.js";

/** `amlpipe emulator [--port N] [--state DIR]`: the local ARM stand-in, until Ctrl-C. */
export const emulatorCommand: CommandModule = {
  name: "emulator",
  register(program, io, setExit) {
    program
      .command("emulator")
      .description("run a local stand-in for the Azure ML management API (as Azurite is for Storage)")
      .option("--port <n>", "port on 127.0.0.1 (0 picks a free one)", "5577")
      .option("--state <dir>", "keep the emulator's state in this folder (default: in memory)")
      .addHelpText(
        "after",
        '\nAccepts any token, subscription, resource group and workspace; a workspace gets a default blob\ndatastore on first use. Point attach/submit at it with --endpoint http://127.0.0.1:<port>.\nQueue faults for rehearsals: POST /amlpipe-emulator/faults with [{"kind":"429"}] (or 500, reset, async-fail).',
      )
      .action(async (options: { port: string; state?: string }) => {
        const emulator = await startArmEmulator({
          port: Number(options.port),
          ...(options.state ? { stateDir: options.state } : {}),
        });
        io.stdout(`amlpipe emulator listening on ${emulator.url}\n`);
        await new Promise<void>((resolvePromise) => {
          if (io.signal) io.signal.addEventListener("abort", () => resolvePromise(), { once: true });
        });
        await emulator.close();
        setExit(0);
      });
  },
};
