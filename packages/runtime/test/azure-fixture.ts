import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComputeIR, PipelineIR, StepIR } from "@amlpipe/compiler";
import type { JobResource } from "../src/emulator/emulator-state.js";
import { isStepRun } from "../src/emulator/pipeline-step-runs.js";
import {
  type AzureSubmitOptions,
  type RunningEmulator,
  startArmEmulator,
  type WorkspaceTarget,
} from "../src/index.js";

export const SUB = "11111111-1111-1111-1111-111111111111";
const at = { file: "p.ts", line: 1, col: 1 };

/** A project folder with step code, and the emulator; `close()` when done. */
export async function azureSetup(): Promise<{
  root: string;
  emulator: RunningEmulator;
  target: (ws?: string) => WorkspaceTarget;
}> {
  const root = mkdtempSync(join(tmpdir(), "amlpipe-azure-"));
  mkdirSync(join(root, "steps"));
  mkdirSync(join(root, "prep"));
  writeFileSync(join(root, "steps", "train.py"), "print('train')\n");
  writeFileSync(join(root, "steps", "helper.py"), "HELP = 1\n");
  writeFileSync(join(root, "prep", "prep.py"), "print('prep')\n");
  const emulator = await startArmEmulator({
    retryAfterSeconds: 0,
    pageSize: 2,
    seed: { keyVaults: { "team-vault": { "vm-password": "vault-pass-canary" } } },
  });
  return {
    root,
    emulator,
    target: (ws = "ws1") => ({
      subscriptionId: SUB,
      resourceGroup: "rg",
      workspace: ws,
      emulator: emulator.url,
    }),
  };
}

/** Every attachable compute kind, secrets as environment references. */
export const ALL_COMPUTES: ComputeIR[] = [
  { kind: "aml_cluster", name: "cpu-cluster", source: at, vmSize: "STANDARD_D2_V2", maxNodes: 2 },
  { kind: "compute_instance", name: "dev-box", source: at, vmSize: "STANDARD_DS3_V2" },
  {
    kind: "remote_vm",
    name: "dsvm",
    source: at,
    resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm`,
    sshPort: 22,
    username: "azureuser",
    password: { kind: "env", name: "VM_PASSWORD" },
  },
  {
    kind: "hdinsight",
    name: "hdi",
    source: at,
    resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HDInsight/clusters/hdi`,
    sshPort: 22,
    username: "sshuser",
    password: { kind: "env", name: "VM_PASSWORD" },
  },
  {
    kind: "synapse_spark",
    name: "synapse",
    source: at,
    resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Synapse/workspaces/ws/bigDataPools/pool`,
  },
  {
    kind: "databricks",
    name: "dbx",
    source: at,
    workspaceName: "dbx-ws",
    resourceGroup: "rg",
    accessToken: { kind: "env", name: "DATABRICKS_TOKEN" },
  },
  {
    kind: "adla",
    name: "adla",
    source: at,
    accountName: "adlaacct",
    resourceGroup: "rg",
    defaultDatastore: "lake",
  },
  { kind: "data_factory", name: "adf", source: at, resourceGroup: "rg", factoryName: "factory" },
  {
    kind: "kubernetes",
    name: "aks",
    source: at,
    flavour: "aks",
    resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
  },
];

/** A pipeline: prep -> train on the AML cluster, reading a blob data reference; plus given computes. */
export function pipelineIR(
  computes: ComputeIR[] = [ALL_COMPUTES[0] as ComputeIR],
  extraSteps: StepIR[] = [],
): PipelineIR {
  const step = (
    key: string,
    script: string,
    inputs: StepIR["inputs"],
    outputs: StepIR["outputs"],
    sourceDirectory: string,
  ): StepIR => ({
    type: "PythonScriptStep",
    key,
    name: key,
    source: at,
    compute: "cpu-cluster",
    scriptName: script,
    sourceDirectory,
    arguments: [],
    parameters: [],
    inputs,
    outputs,
    allowReuse: true,
    after: [],
  });
  return {
    irVersion: 1,
    name: "azure-test",
    source: at,
    defaultCompute: "cpu-cluster",
    parameters: [{ name: "lr", type: "float", default: 0.1, source: at }],
    datastores: [{ name: "workspaceblobstore", kind: "azure_blob", source: at }],
    dataReferences: [
      {
        kind: "datastore_path",
        name: "raw",
        datastore: "workspaceblobstore",
        pathOnDatastore: "raw/data.csv",
        source: at,
      },
    ],
    computes,
    environments: [],
    steps: [
      step(
        "prep",
        "prep.py",
        [{ name: "raw", from: "raw", source: at }],
        [{ name: "clean", destination: "clean", source: at }],
        "prep",
      ),
      step("train", "train.py", [{ name: "data", from: "clean", source: at }], [], "steps"),
      ...extraSteps,
    ],
    schedules: [],
  };
}

/** Submit options against the emulator, with fast polls and retries. */
export function submitOptions(
  root: string,
  target: WorkspaceTarget,
  extra: Partial<AzureSubmitOptions> = {},
): AzureSubmitOptions {
  return {
    target,
    root,
    compiledDir: join(root, "out"),
    env: { VM_PASSWORD: "vm-pass-canary", DATABRICKS_TOKEN: "dapi-canary" },
    pollMs: 10,
    retry: { maxRetries: 6, retryDelayInMs: 5 },
    log: () => {},
    ...extra,
  };
}

/** The default datastore's container of a workspace in the emulator, and the blobs in it. */
export async function uploadedBlobs(emulator: RunningEmulator, ws = "ws1"): Promise<string[]> {
  const store = emulator.state.workspace(SUB, "rg", ws).datastores.workspaceblobstore;
  return emulator.blobs.listBlobs(String(store?.properties.containerName), "LocalUpload/");
}

/** The body of the job PUT the emulator received last. */
export function sentJobBody(emulator: RunningEmulator): { properties: Record<string, unknown> } {
  const sent = emulator.state.bodies.filter((b) => /^PUT .*\/jobs\/[^/]+$/.test(b.request)).at(-1);
  return sent?.body as { properties: Record<string, unknown> };
}

/** Requests that change state (PUT, DELETE, POST other than reading secrets) to ARM or the blob store. */
export function writes(emulator: RunningEmulator): string[] {
  return emulator.state.requests.filter(
    (r) =>
      /^(PUT|POST|DELETE) /.test(r) && !r.includes("/amlpipe-emulator/faults") && !/\/listSecrets$/i.test(r),
  );
}

/** The names of the jobs a client submitted (a pipeline's step runs, which the emulator adds, left out). */
export function submittedJobs(ws: { jobs: Record<string, JobResource> }): string[] {
  return Object.values(ws.jobs)
    .filter((job) => !isStepRun(job))
    .map((job) => job.name);
}
