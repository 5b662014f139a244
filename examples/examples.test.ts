import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { amlpipe } from "./run-amlpipe.js";

describe("examples", () => {
  const out = mkdtempSync(join(tmpdir(), "amlpipe-examples-"));

  it("given every example, compiles all of them with no error", async () => {
    const run = await amlpipe("compile", "examples", "-o", out, "--json");
    expect(run.code, run.out).toBe(0);
    const names = JSON.parse(run.out).pipelines.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "demo",
        "azure-batch-scoring",
        "databricks-features",
        "adla-search-log",
        "blob-adls-transfer",
        "remote-vm-training",
        "hdinsight-wordcount",
        "aml-cluster-training",
        "synapse-daily-totals",
        "kubernetes-churn",
        "compute-instance-profile",
      ]),
    );
  });

  it("given the local-capable examples, runs them end to end", async () => {
    const state = join(out, ".state");
    const demo = await amlpipe(
      "run",
      join(out, "demo"),
      "--state-dir",
      state,
      "--data",
      "raw_measurements=examples/demo/data/measurements.csv",
      "--json",
    );
    expect(demo.code, demo.out).toBe(0);
    const model = JSON.parse(demo.out).steps.find((s: { key: string }) => s.key === "train").outputs.model;
    expect(JSON.parse(readFileSync(join(model, "metrics.json"), "utf8")).accuracy).toBeGreaterThan(0.8);

    const batch = await amlpipe(
      "run",
      join(out, "azure-batch-scoring"),
      "--state-dir",
      state,
      "--data",
      "documents=examples/azure-batch/data/documents",
      "--json",
    );
    expect(batch.code, batch.out).toBe(0);
    const scores = JSON.parse(batch.out).steps[0].outputs.scores;
    expect(readFileSync(join(scores, "scores.tsv"), "utf8")).toContain("a.txt\t4");

    const cluster = await amlpipe(
      "run",
      join(out, "aml-cluster-training"),
      "--state-dir",
      state,
      "--param",
      "rows=200",
      "--json",
    );
    expect(cluster.code, cluster.out).toBe(0);
    const trained = JSON.parse(cluster.out).steps.find((s: { key: string }) => s.key === "train").outputs
      .model;
    expect(JSON.parse(readFileSync(join(trained, "model.json"), "utf8")).slope).toBeCloseTo(3, 0);
  });

  it("given the ADLA example, refuses to run it locally before anything starts", async () => {
    const run = await amlpipe("run", join(out, "adla-search-log"), "--state-dir", join(out, ".state2"));
    expect(run.code).toBe(1);
    expect(run.out).toContain("AP805");
    expect(existsSync(join(out, ".state2", "runs"))).toBe(false);
  });
});
