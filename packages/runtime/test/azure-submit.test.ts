import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ComputeIR, StepIR } from "@amlpipe/compiler";
import { afterEach, describe, expect, it } from "vitest";
import { createAmlClient, detachFromAzure, type RunningEmulator, submitToAzure } from "../src/index.js";
import { ALL_COMPUTES, azureSetup, pipelineIR, SUB, submitOptions, writes } from "./azure-fixture.js";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("Azure backend against the emulator (real SDK, real HTTP)", () => {
  it("given every attachable compute kind, attaches each once; a second run keeps them all and sends no write", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const ir = pipelineIR(ALL_COMPUTES);
    const first = await submitToAzure(ir, submitOptions(setup.root, setup.target(), { attachOnly: true }));
    expect(first.diagnostics).toEqual([]);
    expect(first.attach.map((a) => a.action)).toEqual(ALL_COMPUTES.map(() => "create"));
    const workspace = emulator.state.workspace(SUB, "rg", "ws1");
    expect(Object.keys(workspace.computes).sort()).toEqual(ALL_COMPUTES.map((c) => c.name).sort());
    expect(workspace.computes.dbx?.properties.computeType).toBe("Databricks");
    const before = writes(emulator).length;
    const second = await submitToAzure(ir, submitOptions(setup.root, setup.target(), { attachOnly: true }));
    expect(second.attach.every((a) => a.action === "keep")).toBe(true);
    expect(writes(emulator).length).toBe(before);
    // Secrets were resolved at attach time and sent, but never come back from GET.
    const client = await createAmlClient(setup.target());
    const vm = await client.computeOperations.get("rg", "ws1", "dsvm");
    expect(JSON.stringify(vm)).not.toContain("vm-pass-canary");
  });

  it("given Azure Batch or ACI, refuses plainly (AP802) before changing anything", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const batch: ComputeIR = {
      kind: "azure_batch",
      name: "batch",
      accountName: "b",
      resourceGroup: "rg",
      source: { file: "p.ts", line: 9, col: 1 },
    };
    const report = await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR, batch]),
      submitOptions(setup.root, setup.target()),
    );
    expect(report.diagnostics).toMatchObject([
      { code: "AP802", message: expect.stringContaining("no computeType"), at: { line: 9 } },
    ]);
    expect(writes(emulator)).toEqual([]);
  });

  it("given the same resource attached under another name, refuses (AP803) with no write", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const vm = ALL_COMPUTES[2] as ComputeIR;
    await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR, { ...vm, name: "old-vm-name" }]),
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    const writesBefore = writes(emulator).length;
    const report = await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR, vm]),
      submitOptions(setup.root, setup.target()),
    );
    expect(report.diagnostics.map((d) => d.code)).toEqual(["AP803"]);
    expect(report.diagnostics[0]?.message).toContain('"old-vm-name"');
    expect(writes(emulator).length).toBe(writesBefore);
  });

  it("given a compute attached with other settings, refuses (AP804) unless --reattach, which detaches then attaches", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const cluster = ALL_COMPUTES[0] as ComputeIR;
    await submitToAzure(
      pipelineIR([cluster]),
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    const bigger = { ...cluster, maxNodes: 8 } as ComputeIR;
    const refused = await submitToAzure(
      pipelineIR([bigger]),
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["AP804"]);
    const count = writes(emulator).length;
    const reattached = await submitToAzure(
      pipelineIR([bigger]),
      submitOptions(setup.root, setup.target(), { attachOnly: true, reattach: true }),
    );
    expect(reattached.attach[0]?.action).toBe("reattach");
    expect(
      writes(emulator)
        .slice(count)
        .map((w) => w.split(" ")[0]),
    ).toEqual(["DELETE", "PUT"]);
    const compute = emulator.state.workspace(SUB, "rg", "ws1").computes["cpu-cluster"];
    expect(JSON.stringify(compute)).toContain('"maxNodeCount":8');
  });

  it("given detach, removes the attachment only; detaching what is not attached is a no-op", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    await submitToAzure(pipelineIR(), submitOptions(setup.root, setup.target(), { attachOnly: true }));
    expect(await detachFromAzure("cpu-cluster", setup.target(), 10)).toBe(true);
    expect(emulator.state.workspace(SUB, "rg", "ws1").computes["cpu-cluster"]).toBeUndefined();
    expect(await detachFromAzure("cpu-cluster", setup.target(), 10)).toBe(false);
  });

  it("given an AdlaStep on a datastore that is not the ADLA account's real default store, refuses (AP800) before any write", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const ws = emulator.state.workspace(SUB, "rg", "ws1");
    const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`;
    ws.computes.adla = {
      id: `${id}/computes/adla`,
      name: "adla",
      type: "computes",
      properties: {
        computeType: "DataLakeAnalytics",
        resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DataLakeAnalytics/accounts/adlaacct`,
        properties: { dataLakeStoreAccountName: "realstore" },
        provisioningState: "Succeeded",
      },
    };
    ws.datastores.lake = {
      id: `${id}/datastores/lake`,
      name: "lake",
      type: "datastores",
      properties: { datastoreType: "AzureDataLakeGen1", storeName: "otherstore" },
    };
    const adlaStep: StepIR = {
      type: "AdlaStep",
      key: "agg",
      name: "agg",
      source: { file: "p.ts", line: 30, col: 1 },
      compute: "adla",
      scriptName: "a.usql",
      arguments: [],
      parameters: [],
      inputs: [],
      outputs: [
        {
          name: "summary",
          destination: "summary",
          datastore: "lake",
          source: { file: "p.ts", line: 31, col: 3 },
        },
      ],
      allowReuse: true,
      after: [],
    };
    const ir = pipelineIR([ALL_COMPUTES[0] as ComputeIR, ALL_COMPUTES[6] as ComputeIR], [adlaStep]);
    const report = await submitToAzure(
      { ...ir, datastores: [...ir.datastores, { name: "lake", kind: "adls_gen1", source: ir.source }] },
      submitOptions(setup.root, setup.target()),
    );
    expect(report.diagnostics).toMatchObject([
      { code: "AP800", at: { line: 31 }, message: expect.stringContaining('"realstore"') },
    ]);
    expect(writes(emulator)).toEqual([]);
  });

  it("given a dry run, plans attach, upload and job, and changes nothing", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const report = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { dryRun: true }),
    );
    expect(report.attach.map((a) => a.action)).toEqual(["create"]);
    expect(report.upload).toMatchObject({ files: 2, uploadedFiles: 2 });
    expect(report.job).toBeUndefined();
    expect(writes(emulator)).toEqual([]);
  });

  it("given a resubmit after one file changed, uploads only that file (bytes counted) and creates one job per submission", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const first = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "run-1", wait: true }),
    );
    expect(first.upload).toMatchObject({ uploadedFiles: 2 });
    expect(first.job).toMatchObject({ created: true, status: "Completed" });
    writeFileSync(join(setup.root, "steps", "train.py"), "print('train v2')\n");
    const second = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "run-2" }),
    );
    expect(second.upload).toMatchObject({ uploadedFiles: 1, uploadedBytes: "print('train v2')\n".length });
    const again = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "run-2" }),
    );
    expect(again.job?.created).toBe(false);
    expect(again.upload?.uploadedFiles).toBe(0);
    expect(Object.keys(emulator.state.workspace(SUB, "rg", "ws1").jobs)).toHaveLength(2);
  });

  it("given a job that fails, follows it to Failed", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const report = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), {
        wait: true,
        tags: { "amlpipe.emulator.outcome": "Failed" },
      }),
    );
    expect(report.job?.status).toBe("Failed");
  });
});

describe("interrupting --wait", () => {
  it("given --cancel-on-interrupt and an interrupt while following, cancels the job", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const controller = new AbortController();
    controller.abort();
    const report = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), {
        wait: true,
        cancelOnInterrupt: true,
        signal: controller.signal,
      }),
    );
    expect(report.job?.status).toBe("Canceled");
    const job = Object.values(emulator.state.workspace(SUB, "rg", "ws1").jobs)[0];
    expect(job?.properties.status).toBe("Canceled");
  });
});

describe("interrupting --wait on a terminal", () => {
  it("given an interrupt and a user who answers yes, cancels; who answers no, leaves the job running", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const aborted = () => {
      const controller = new AbortController();
      controller.abort();
      return controller.signal;
    };
    const asked: string[] = [];
    const yes = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), {
        submissionId: "a",
        wait: true,
        signal: aborted(),
        confirmCancel: async (job) => {
          asked.push(job);
          return true;
        },
      }),
    );
    expect(yes.job?.status).toBe("Canceled");
    expect(asked).toEqual([yes.job?.name]);
    const no = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), {
        submissionId: "b",
        wait: true,
        signal: aborted(),
        confirmCancel: async () => false,
      }),
    );
    expect(no.job?.status).toBe("Interrupted");
  });
});
