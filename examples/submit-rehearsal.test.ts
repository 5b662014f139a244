import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@amlpipe/cli";
import { startArmEmulator } from "@amlpipe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every compiled example submitted to the strict emulator (the ARM definitions, REST nodes, Azurite):
// the examples that have a v2 form run to Completed; the others are refused before any write, with
// the code that says why. Datastores and the Key Vault secret the examples expect are seeded.
const root = new URL("..", import.meta.url).pathname;
const SEED = {
  datastores: {
    adls_gen2_store: {
      datastoreType: "AzureDataLakeGen2",
      accountName: "lake",
      filesystem: "fs",
      credentials: { credentialsType: "None" },
    },
    adls_default: {
      datastoreType: "AzureDataLakeGen1",
      storeName: "store",
      credentials: { credentialsType: "None" },
    },
  },
  // The compute instance examples/compute-instance refers to with compute.existing.
  computes: { "dev-box": { computeType: "ComputeInstance" } },
  keyVaults: { "ml-keyvault": { "dsvm-ssh-key": "rehearsal-key-canary" } },
};
const EXPECTED: Record<string, string> = {
  "aml-cluster-training": "Completed",
  "blob-adls-transfer": "Completed",
  "remote-vm-training": "Completed",
  "hdinsight-wordcount": "AP704",
  "synapse-daily-totals": "Completed",
  "kubernetes-churn": "Completed",
  "compute-instance-profile": "Completed",
  "databricks-features": "AP700",
  "adla-search-log": "AP700",
  "azure-batch-scoring": "AP700",
  demo: "AP702",
  // The training runs (examples/training-runs), sent as command jobs.
  "train-aml-cluster": "Completed",
  "train-remote-vm": "Completed",
  "train-hdinsight": "AP704",
  "train-local": "AP702",
};

let emulator: Awaited<ReturnType<typeof startArmEmulator>>;
const out = mkdtempSync(join(tmpdir(), "amlpipe-rehearsal-"));
beforeAll(async () => {
  emulator = await startArmEmulator({ retryAfterSeconds: 0, seed: SEED });
});
afterAll(async () => emulator?.close());

async function amlpipe(...argv: string[]): Promise<{ code: number; out: string }> {
  let text = "";
  const write = (t: string) => {
    text += t;
  };
  const env = { AMLPIPE_POLL_MS: "5", DATABRICKS_TOKEN: "dbx-canary", HDI_SSH_PASSWORD: "hdi-canary" };
  const code = await runCli(argv, { stdout: write, stderr: write, cwd: root, env, isTTY: false });
  return { code, out: text };
}

const compiled = join(out, "compiled");
beforeAll(async () => {
  expect((await amlpipe("compile", "examples", "-o", compiled)).code).toBe(0);
});

describe("every example submitted to the strict emulator", () => {
  it.each(Object.entries(EXPECTED))("given %s, the submit ends %s", async (name, expected) => {
    const run = await amlpipe(
      "submit",
      join(compiled, name),
      "--emulator",
      emulator.url,
      "--workspace",
      name,
      "--wait",
      "--json",
    );
    if (expected === "Completed") {
      expect(run.code, run.out).toBe(0);
      expect(JSON.parse(run.out.slice(run.out.indexOf("{\n"))).job.status).toBe("Completed");
    } else {
      expect(run.code).toBe(1);
      expect(run.out).toContain(`error ${expected}`);
      const writes = emulator.state.requests.filter(
        (r) => /^(PUT|DELETE) /.test(r) && r.includes(`/workspaces/${name}/`),
      );
      expect(writes, "nothing is written before a refusal").toEqual([]);
    }
    expect(run.out).not.toMatch(/canary/);
  });
});
