import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ComputeIR, StepIR } from "@amlpipe/compiler";
import { afterEach, describe, expect, it } from "vitest";
import { stepRunsOf } from "../src/emulator/pipeline-step-runs.js";
import { restNodeViolations } from "../src/emulator/rest-node-schema.js";
import { createAmlClient, detachFromAzure, type RunningEmulator, submitToAzure } from "../src/index.js";
import {
  ALL_COMPUTES,
  azureSetup,
  pipelineIR,
  SUB,
  sentJobBody,
  submitOptions,
  submittedJobs,
  uploadedBlobs,
  writes,
} from "./azure-fixture.js";

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
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    expect(report.diagnostics).toMatchObject([
      { code: "AP802", message: expect.stringContaining("no computeType"), at: { line: 9 } },
    ]);
    expect(writes(emulator)).toEqual([]);
  });

  it("given compute.existing, attaches nothing and submits; refuses (AP802, no write) when the workspace lacks it or has it as another kind", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const existing: ComputeIR = {
      kind: "aml_cluster",
      name: "cpu-cluster",
      existing: true,
      source: { file: "p.ts", line: 4, col: 1 },
    };
    const missing = await submitToAzure(pipelineIR([existing]), submitOptions(setup.root, setup.target()));
    expect(missing.diagnostics).toMatchObject([
      { code: "AP802", message: expect.stringContaining("does not exist in workspace"), at: { line: 4 } },
    ]);
    expect(writes(emulator)).toEqual([]);

    // Attached by other means (here: another pipeline's attach spec), it is used as it is.
    await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR]),
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    const computeWrites = () => writes(emulator as RunningEmulator).filter((w) => w.includes("/computes/"));
    const attachedBefore = computeWrites().length;
    const used = await submitToAzure(
      pipelineIR([existing]),
      submitOptions(setup.root, setup.target(), { wait: true }),
    );
    expect(used.diagnostics).toEqual([]);
    expect(used.attach).toEqual([]);
    expect(used.job?.status).toBe("Completed");
    expect(computeWrites().length).toBe(attachedBefore);

    const wrongKind = await submitToAzure(
      pipelineIR([{ ...existing, kind: "kubernetes" } as ComputeIR]),
      submitOptions(setup.root, setup.target()),
    );
    expect(wrongKind.diagnostics).toMatchObject([
      {
        code: "AP802",
        message: expect.stringContaining(
          "is a aml_cluster compute in the workspace, but the pipeline declares it an existing kubernetes",
        ),
      },
    ]);
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
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
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

  it("given an AdlaStep (no REST form) on a datastore that is not the ADLA account's default store, refuses the whole submit (AP700 at its line, and AP800) before any write", async () => {
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
      { code: "AP700", at: { line: 30 }, message: expect.stringContaining('AdlaStep "agg"') },
      { code: "AP800", at: { line: 31 }, message: expect.stringContaining('"realstore"') },
    ]);
    expect(report.job).toBeUndefined();
    expect(writes(emulator)).toEqual([]);
  });

  it("given a dry run, reports the whole plan (computes, uploads with bytes, assets, the job) and changes nothing", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const report = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { dryRun: true }),
    );
    expect(report.attach.map((a) => a.action)).toEqual(["create"]);
    expect(report.plan?.uploads.map((u) => [u.directory, u.files, u.bytes])).toEqual([
      ["prep", 1, "print('prep')\n".length],
      ["steps", 2, "print('train')\n".length + "HELP = 1\n".length],
    ]);
    expect(report.plan?.uploads[0]?.blobFolder).toMatch(
      /^https:\/\/devstoreaccount1\.blob\.core\.windows\.net\/azureml-blobstore-ws1\/LocalUpload\/[0-9a-f]{32}\/prep$/,
    );
    // Two code versions, one anonymous environment (no environment named), two components.
    expect(report.plan?.assets.map((a) => a.split("/").slice(-4, -2).join("/"))).toEqual([
      expect.stringMatching(/^codes\//),
      expect.stringMatching(/^codes\//),
      "environments/CliV2AnonymousEnvironment",
      "components/azureml_anonymous",
      "components/azureml_anonymous",
    ]);
    expect(report.job).toBeUndefined();
    expect(writes(emulator)).toEqual([]);
    expect(await uploadedBlobs(emulator)).toEqual([]);
  });

  it("given a submit, uploads each code folder to the default datastore and the job runs REST nodes; an unchanged resubmit uploads and registers nothing and finds its job; a changed file uploads one folder and makes a new job", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const first = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "ci-1", wait: true }),
    );
    expect(first.diagnostics).toEqual([]);
    expect(first.upload).toEqual({
      folders: 2,
      files: 3,
      bytes: "print('prep')\n".length + "print('train')\n".length + "HELP = 1\n".length,
    });
    expect(first.job).toMatchObject({ created: true, status: "Completed" });
    const blobs = await uploadedBlobs(emulator);
    expect(blobs.map((b) => b.replace(/[0-9a-f]{32}/, "<hash>"))).toEqual([
      "LocalUpload/<hash>/prep/prep.py",
      "LocalUpload/<hash>/steps/helper.py",
      "LocalUpload/<hash>/steps/train.py",
    ]);
    const container = String(
      emulator.state.workspace(SUB, "rg", "ws1").datastores.workspaceblobstore?.properties.containerName,
    );
    const train = blobs.find((b) => b.endsWith("train.py")) as string;
    expect((await emulator.blobs.readBlob(container, train)).toString()).toBe("print('train')\n");

    const body = sentJobBody(emulator);
    const jobs = body.properties.jobs as Record<string, Record<string, unknown>>;
    for (const [key, node] of Object.entries(jobs)) expect(restNodeViolations(node, key)).toEqual([]);
    expect(jobs.train).toMatchObject({
      type: "command",
      computeId: expect.stringMatching(/\/computes\/cpu-cluster$/),
      componentId: expect.stringMatching(/\/components\/azureml_anonymous\/versions\/[0-9a-f]{32}$/),
      inputs: { data: { job_input_type: "literal", value: "${{parent.jobs.prep.outputs.clean}}" } },
    });
    expect(jobs.prep?.inputs).toMatchObject({
      raw: {
        job_input_type: "uri_file",
        uri: "azureml://datastores/workspaceblobstore/paths/raw/data.csv",
        mode: "ReadOnlyMount",
      },
    });
    expect(JSON.stringify(jobs)).not.toMatch(/"(code|command|environment|compute)":/);

    const writesBefore = writes(emulator).length;
    const again = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "ci-1" }),
    );
    expect(again.upload).toEqual({ folders: 0, files: 0, bytes: 0 });
    expect(again.job).toMatchObject({ name: first.job?.name, created: false });
    expect(writes(emulator).length).toBe(writesBefore);

    writeFileSync(join(setup.root, "steps", "train.py"), "print('train v2')\n");
    const changed = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { submissionId: "ci-1", wait: true }),
    );
    expect(changed.upload).toEqual({
      folders: 1,
      files: 2,
      bytes: "print('train v2')\n".length + "HELP = 1\n".length,
    });
    expect(changed.job).toMatchObject({ created: true, status: "Completed" });
    expect(changed.job?.name).not.toBe(first.job?.name);
    const ws = emulator.state.workspace(SUB, "rg", "ws1");
    expect(submittedJobs(ws)).toHaveLength(2);
    // Each completed pipeline ran one step run per node, ended with it.
    for (const name of submittedJobs(ws)) {
      const nodes = Object.keys(ws.jobs[name]?.properties.jobs as object);
      const runs = stepRunsOf(ws.jobs, name);
      expect(runs.map((run) => run.properties.displayName)).toEqual([...nodes].sort());
      for (const run of runs) expect(run.properties.status).toBe("Completed");
    }
  });

  it("given a Databricks-only pipeline, refuses the submit (AP700) and attaches nothing, rather than submit an empty job", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const dbx = ALL_COMPUTES[5] as ComputeIR;
    const step: StepIR = {
      type: "DatabricksStep",
      key: "featurize",
      name: "featurize",
      source: { file: "p.ts", line: 12, col: 1 },
      compute: "dbx",
      sourceDirectory: "steps",
      pythonScriptName: "train.py",
      arguments: [],
      parameters: [],
      inputs: [],
      outputs: [],
      allowReuse: true,
      after: [],
    } as unknown as StepIR;
    const ir = { ...pipelineIR([dbx]), defaultCompute: "dbx", steps: [step] };
    const report = await submitToAzure(ir, submitOptions(setup.root, setup.target()));
    expect(report.diagnostics.map((d) => [d.code, d.at?.line])).toEqual([["AP700", 12]]);
    expect(writes(emulator)).toEqual([]);
  });

  it("given a compute no submitted step uses, does not attach it; the computes it attaches carry the workspace's location", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const report = await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR, ALL_COMPUTES[7] as ComputeIR]),
      submitOptions(setup.root, setup.target()),
    );
    expect(report.diagnostics).toEqual([]);
    expect(Object.keys(emulator.state.workspace(SUB, "rg", "ws1").computes)).toEqual(["cpu-cluster"]);
    const attach = emulator.state.bodies.find((b) => b.request.endsWith("/computes/cpu-cluster"));
    expect(attach?.body).toMatchObject({ location: "westeurope" });
  });

  it("given a compute whose password is a Key Vault reference, reads it with the Key Vault client and attaches", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    const vm = {
      ...(ALL_COMPUTES[2] as ComputeIR),
      password: { kind: "keyvault", vault: "team-vault", secretName: "vm-password" },
    } as ComputeIR;
    const report = await submitToAzure(
      pipelineIR([ALL_COMPUTES[0] as ComputeIR, vm]),
      submitOptions(setup.root, setup.target(), { attachOnly: true }),
    );
    expect(report.diagnostics).toEqual([]);
    expect(
      emulator.state.workspace(SUB, "rg", "ws1").computes.dsvm?.properties.provisioningState,
    ).toBeDefined();
    expect(JSON.stringify(emulator.state.bodies)).not.toContain("vault-pass-canary");
    const missing = {
      ...vm,
      password: { kind: "keyvault", vault: "team-vault", secretName: "nope" },
    } as ComputeIR;
    await expect(
      submitToAzure(
        pipelineIR([ALL_COMPUTES[0] as ComputeIR, { ...missing, name: "dsvm2" }]),
        submitOptions(setup.root, setup.target(), { attachOnly: true }),
      ),
    ).rejects.toThrow(/nope/);
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

describe("permissions, before a real submit", () => {
  it("given a caller who may only read, a dry run reports each write it would need (AP807) and changes nothing", async () => {
    const { startArmEmulator } = await import("../src/index.js");
    const setup = await azureSetup();
    await setup.emulator.close();
    emulator = await startArmEmulator({
      retryAfterSeconds: 0,
      seed: { permissions: { actions: ["*/read"] } },
    });
    const target = { ...setup.target(), emulator: emulator.url };
    const report = await submitToAzure(pipelineIR(), submitOptions(setup.root, target, { dryRun: true }));
    const denied = report.diagnostics
      .filter((d) => d.code === "AP807")
      .map((d) => d.message.split(" needs ")[1]?.split(",")[0]);
    expect(denied).toEqual(
      expect.arrayContaining([
        "Microsoft.MachineLearningServices/workspaces/computes/write",
        "Microsoft.MachineLearningServices/workspaces/datastores/listsecrets/action",
        "Microsoft.MachineLearningServices/workspaces/codes/versions/write",
        "Microsoft.MachineLearningServices/workspaces/components/versions/write",
        "Microsoft.MachineLearningServices/workspaces/jobs/write",
      ]),
    );
    expect(writes(emulator)).toEqual([]);
  });

  it("given a 403 on a read the plan needs, reports it as AP807 naming the call, not as a crash", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    emulator.injectFaults({ kind: "403", match: "GET /subscriptions" });
    const report = await submitToAzure(
      pipelineIR(),
      submitOptions(setup.root, setup.target(), { dryRun: true }),
    );
    expect(report.diagnostics).toMatchObject([
      { code: "AP807", message: expect.stringContaining("Azure answered 403") },
    ]);
  });
});

describe("the job body's bindings", () => {
  it("given a node that reads a job not in the body, refuses to send it (AP105)", async () => {
    const { danglingBindings } = await import("../src/azure/submit-plan.js");
    const read = { job_input_type: "literal", value: "${{parent.jobs.gone.outputs.x}}" };
    expect(danglingBindings({ a: { inputs: { x: read } } }).map((d) => d.code)).toEqual(["AP105"]);
    expect(danglingBindings({ a: { inputs: { x: read } }, gone: {} })).toEqual([]);
  });
});

describe("following a job", () => {
  it("given an interrupt while waiting between polls, stops at once, not after the poll interval", async () => {
    const { followJob } = await import("../src/index.js");
    const setup = await azureSetup();
    emulator = setup.emulator;
    const report = await submitToAzure(pipelineIR(), submitOptions(setup.root, setup.target()));
    const client = await createAmlClient(setup.target());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const status = await followJob(client, setup.target(), report.job?.name as string, () => {}, {
      pollMs: 60_000,
      signal: controller.signal,
    });
    expect(status).toBe("Interrupted");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("given NotResponding or Paused, keeps following: only Completed, Failed and Canceled end a job", async () => {
    const { followJob } = await import("../src/index.js");
    const states = ["Running", "NotResponding", "Paused", "Running", "Completed"];
    const client = { jobs: { get: async () => ({ properties: { status: states.shift() } }) } };
    const seen: string[] = [];
    const target = { subscriptionId: SUB, resourceGroup: "rg", workspace: "ws1" };
    const status = await followJob(client as never, target, "j", (s) => seen.push(s), { pollMs: 1 });
    expect(status).toBe("Completed");
    expect(seen).toEqual(["Running", "NotResponding", "Paused", "Running", "Completed"]);
  });
});

describe("git facts on the job", () => {
  it("given a remote URL with a token in it, sends it without the credentials", async () => {
    const { withoutCredentials } = await import("../src/index.js");
    expect(withoutCredentials("https://x-access-token:ghp_canary@github.com/org/repo.git")).toBe(
      "https://github.com/org/repo.git",
    );
    expect(withoutCredentials("https://github.com/org/repo.git")).toBe("https://github.com/org/repo.git");
    expect(withoutCredentials("git@github.com:org/repo.git")).toBe("git@github.com:org/repo.git");
    expect(withoutCredentials("not a url with secret")).toBe("");
  });
});
