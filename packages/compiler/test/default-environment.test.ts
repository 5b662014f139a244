import { adlaStep, compute, datastore, environment, pipeline, pythonScriptStep } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import { emitV1, lowerPipeline } from "../src/index.js";

const root = new URL("../../..", import.meta.url).pathname;
const options = { outputToRoot: "../..", toolVersion: "0.1.0", schemaDirectory: "../.schemas" };

describe("pipeline(...).defaultEnvironment(env)", () => {
  const lake = datastore.adlsGen1("lake");
  const cpu = compute.amlCluster("cpu-cluster");
  const adla = compute.adla("adla", { accountName: "a", resourceGroup: "rg", defaultDatastore: lake });
  const shared = environment.conda("team-env", { python: "3.11", pip: ["pandas==2.2.2"] });
  const own = environment.curated("AzureML-sklearn-1.5");
  const prep = pythonScriptStep("prep", {
    script: "prepare.py",
    sourceDirectory: "examples/aml-cluster/steps",
  })
    .on(cpu)
    .output("clean", { datastore: lake });
  const train = pythonScriptStep("train", {
    script: "train.py",
    sourceDirectory: "examples/aml-cluster/steps",
  })
    .on(cpu)
    .environment(own)
    .input("data", prep.outputs.clean);
  const usql = adlaStep("usql", { script: "search.usql", sourceDirectory: "examples/adla/steps" })
    .on(adla)
    .input("data", prep.outputs.clean);
  const { ir } = lowerPipeline(pipeline("defaults").defaultEnvironment(shared).steps(train, usql), { root });
  if (!ir) throw new Error("fixture does not lower");
  const envOf = (key: string) => ir.steps.find((s) => s.key === key)?.environment;

  it("given a step with no environment of its own, it runs in the default; its own wins; a kind that runs none gets none", () => {
    expect(envOf("prep")).toBe("team-env");
    expect(envOf("train")).toBe("AzureML-sklearn-1.5");
    expect(envOf("usql")).toBeUndefined();
    expect(ir.environments.map((e) => e.name).sort()).toEqual(["AzureML-sklearn-1.5", "team-env"]);
  });

  it("given the v1 target, the defaulted step's runconfig carries the environment's packages", () => {
    const { files, diagnostics } = emitV1(ir, options);
    expect(diagnostics).toEqual([]);
    const runconfig = files.find(
      (f) => f.path.startsWith("runconfigs/") && f.text.includes("team-env"),
    )?.text;
    expect(runconfig).toContain("pandas==2.2.2");
  });
});
