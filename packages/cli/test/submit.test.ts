import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startArmEmulator } from "@amlpipe/runtime";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const CANARY = "dapi-canary-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

describe("amlpipe attach / submit / detach against the emulator", () => {
  it("given a compiled pipeline, dry-run changes nothing; submit --wait completes; a rerun submits nothing new", async () => {
    const emulator = await startArmEmulator();
    try {
      const out = mkdtempSync(join(tmpdir(), "amlpipe-submit-"));
      expect(
        (await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], { cwd: root }))
          .code,
      ).toBe(0);
      const dir = join(out, "aml-cluster-training");
      const env = { AMLPIPE_ENDPOINT: emulator.url };
      const dry = await runCliCaptured(["submit", dir, "--dry-run"], { cwd: root, env });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stderr).toContain("compute cpu-cluster: create");
      expect(dry.stderr).toContain("dry run");
      expect(emulator.state.requests.filter((r) => !r.startsWith("GET") && !r.startsWith("HEAD"))).toEqual(
        [],
      );

      const submit = await runCliCaptured(["submit", dir, "--wait", "--submission-id", "ci-42", "--json"], {
        cwd: root,
        env,
      });
      expect(submit.code, submit.stderr).toBe(0);
      const report = JSON.parse(submit.stdout);
      expect(report.job).toMatchObject({ created: true, status: "Completed" });
      const again = await runCliCaptured(["submit", dir, "--submission-id", "ci-42", "--json"], {
        cwd: root,
        env,
      });
      expect(JSON.parse(again.stdout).job.created).toBe(false);

      const detach = await runCliCaptured(["detach", "cpu-cluster"], { cwd: root, env });
      expect(detach.code).toBe(0);
      expect(detach.stderr).toContain("detached cpu-cluster");
    } finally {
      await emulator.close();
    }
  });

  it("given a Databricks compute whose token is in the environment, attaches it and never prints the token", async () => {
    const emulator = await startArmEmulator();
    try {
      const out = mkdtempSync(join(tmpdir(), "amlpipe-submit-"));
      await runCliCaptured(["compile", "examples/databricks/pipeline.ts", "-o", out], { cwd: root });
      const run = await runCliCaptured(
        ["attach", join(out, "databricks-features"), "--endpoint", emulator.url, "--json"],
        { cwd: root, env: { DATABRICKS_TOKEN: CANARY } },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      expect(JSON.stringify(Object.values(emulator.state.workspaces)[0]?.computes)).not.toContain(CANARY);
      // A rotated token cannot be seen (Azure never returns secrets): attach says so instead of "same".
      const again = await runCliCaptured(
        ["attach", join(out, "databricks-features"), "--endpoint", emulator.url],
        { cwd: root, env: { DATABRICKS_TOKEN: `${CANARY}-rotated` } },
      );
      expect(again.stderr).toContain("its secrets cannot be compared");
      expect(again.stderr).toContain("--reattach");
    } finally {
      await emulator.close();
    }
  });

  it("given no workspace and no endpoint, exits 2 naming what is missing", async () => {
    const run = await runCliCaptured(["submit", "out/whatever"], { cwd: root, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--subscription (or AZURE_SUBSCRIPTION_ID)");
  });
});

describe("workspace from amlpipe.config.json", () => {
  it("given a config file with the endpoint and names, submit needs no flags", async () => {
    const emulator = await startArmEmulator();
    try {
      const out = mkdtempSync(join(tmpdir(), "amlpipe-config-"));
      await runCliCaptured(["compile", join(root, "examples/aml-cluster/pipeline.ts"), "-o", out], {
        cwd: root,
      });
      const { writeFileSync } = await import("node:fs");
      writeFileSync(
        join(out, "amlpipe.config.json"),
        JSON.stringify({ endpoint: emulator.url, resourceGroup: "cfg-rg", workspace: "cfg-ws" }),
      );
      // The step code stays in the checkout, outside this working folder: allowed by name.
      const code = join(root, "examples/aml-cluster");
      const refused = await runCliCaptured(["attach", "aml-cluster-training"], { cwd: out, env: {} });
      expect(refused.stderr).toContain("AP110");
      const run = await runCliCaptured(["attach", "aml-cluster-training", "--allow-outside", code], {
        cwd: out,
        env: {},
      });
      expect(run.code, run.stderr).toBe(0);
      expect(Object.keys(emulator.state.workspaces)[0]).toContain("cfg-rg/cfg-ws");
    } finally {
      await emulator.close();
    }
  });
});

describe("amlpipe emulator", () => {
  it("given a seed that is not JSON, exits 2 naming the file; given a good one, serves its datastores until interrupted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-emulator-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const bad = await runCliCaptured(["emulator", "--port", "0", "--seed", "bad.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--seed bad.json");
    writeFileSync(
      join(dir, "seed.json"),
      JSON.stringify({
        datastores: { lake: { datastoreType: "AzureBlob", accountName: "a", containerName: "c" } },
      }),
    );
    const controller = new AbortController();
    let stdout = "";
    const running = runCliCaptured(["emulator", "--port", "0", "--seed", "seed.json"], {
      cwd: dir,
      interrupts: () => ({ stop: controller.signal, kill: new AbortController().signal }),
      stdout: (text: string) => {
        stdout += text;
      },
    });
    for (let i = 0; i < 100 && !stdout.includes("listening"); i++)
      await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (\S+)/.exec(stdout)?.[1] as string;
    const ws = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w";
    const answer = await fetch(`${url}${ws}/datastores/lake?api-version=2022-10-01`);
    expect(answer.status).toBe(200);
    controller.abort();
    expect((await running).code).toBe(0);
  });
});

describe("amlpipe.config.json that is broken", () => {
  it("given a config file that is not JSON, submit exits 2 naming the file and line rather than ignore it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-badcfg-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "amlpipe.config.json"), '{\n  "workspace": "w",\n  oops\n}\n');
    const run = await runCliCaptured(["submit", "out/x"], { cwd: dir, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/amlpipe\.config\.json:3: not valid JSON/);
  });
});
