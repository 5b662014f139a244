import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { EmulatorSeed } from "@amlpipe/runtime";
import type { CommandModule } from "./command-module.js";

const HELP = `
What it is: the Azure ML management API (ARM, api-version 2022-10-01) on 127.0.0.1, for rehearsing a
submit in CI without Azure. It refuses what Azure refuses: bodies that break the official definitions
(400 naming the property), other api-versions, bad names, jobs whose nodes are not REST nodes or name
computes, components, jobs or inputs that do not exist, and changed PUTs of a job (409). The default
datastore is a real blob container in Azurite (the official Storage emulator, started in-process; an
optional peer dependency: npm install --save-dev azurite), or the service given with --blob-endpoint.
Jobs move NotStarted -> Queued -> Preparing -> Running -> Finalizing -> Completed as they are polled,
and fail when their code is not in storage (or when tagged amlpipe.emulator.outcome=Failed). A command
job (a training run) gets a log and an outputs/ file in workspaceartifactstore, to stream and download.

Rehearse a submit in CI:
  amlpipe emulator --port 5577 &
  amlpipe submit out/train --emulator http://127.0.0.1:5577 --wait

Seed what the pipeline expects to exist (datastores, environments, Key Vault secrets):
  amlpipe emulator --seed seed.json
  seed.json: {"datastores": {"lake": {"datastoreType": "AzureBlob", "accountName": "acct",
              "containerName": "data", "credentials": {"credentialsType": "None"}}},
              "environments": {"my-env": ["1", "2"]}, "keyVaults": {"team-vault": {"vm-password": "..."}}}
  or PUT .../datastores/<name>?api-version=2022-10-01 with the body Azure takes.

Queue faults for rehearsals: POST /amlpipe-emulator/faults with [{"kind":"429"}]
(kinds: 429, 500, 403, reset, lost-response, async-fail; "match": "PUT /sub..." picks requests).`;

interface EmulatorFlags {
  port: string;
  state?: string;
  blobEndpoint?: string;
  seed?: string;
  pageSize: string;
}

/** `amlpipe emulator`: the local ARM stand-in, until Ctrl-C. */
export const emulatorCommand: CommandModule = {
  name: "emulator",
  register(program, io, setExit) {
    program
      .command("emulator")
      .description("run a local stand-in for the Azure ML management API (as Azurite is for Storage)")
      .option("--port <n>", "port on 127.0.0.1 (0 picks a free one)", "5577")
      .option(
        "--state <dir>",
        "keep the emulator's state (and its blobs) in this folder (default: in memory)",
      )
      .option(
        "--blob-endpoint <url>",
        "use this Azurite blob service, e.g. http://127.0.0.1:10000/devstoreaccount1",
      )
      .option(
        "--seed <file.json>",
        "datastores, environments and Key Vault secrets every workspace starts with",
      )
      .option("--page-size <n>", "items per page of a list (nextLink for the rest)", "10")
      .addHelpText("after", HELP)
      .action(async (flags: EmulatorFlags) => {
        let seed: EmulatorSeed | undefined;
        if (flags.seed) {
          try {
            seed = JSON.parse(readFileSync(resolve(io.cwd, flags.seed), "utf8")) as EmulatorSeed;
          } catch (error) {
            io.stderr(`error: --seed ${flags.seed}: ${(error as Error).message}\n`);
            return setExit(2);
          }
        }
        const { startArmEmulator } = await import("@amlpipe/runtime");
        let emulator: Awaited<ReturnType<typeof startArmEmulator>>;
        try {
          emulator = await startArmEmulator({
            port: Number(flags.port),
            pageSize: Number(flags.pageSize),
            ...(flags.state ? { stateDir: resolve(io.cwd, flags.state) } : {}),
            ...(flags.blobEndpoint ? { blobEndpoint: flags.blobEndpoint } : {}),
            ...(seed ? { seed } : {}),
          });
        } catch (error) {
          io.stderr(`error: ${(error as Error).message}\n`);
          return setExit(1);
        }
        io.stdout(`amlpipe emulator listening on ${emulator.url} (blobs: ${emulator.blobs.serviceUrl})\n`);
        await new Promise<void>((resolvePromise) => {
          io.interrupts?.().stop.addEventListener("abort", () => resolvePromise(), { once: true });
        });
        await emulator.close();
        setExit(0);
      });
  },
};
