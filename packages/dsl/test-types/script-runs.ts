// Type-level tests of training runs, compiled (never run) by `pnpm test`. Each @ts-expect-error line
// must fail to type-check.
import { compute, environment, param, pipeline, pythonScriptStep, scriptRun, secret } from "@amlpipe/dsl";

const run = scriptRun("train", { script: "train.py", sourceDirectory: "src" });
const cluster = compute.amlCluster("cpu");
const hdi = compute.hdInsight("hdi", {
  resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.HDInsight/clusters/c",
  username: "u",
  password: secret.env("P"),
});

// Training computes, environments, literal arguments, framework and experiment type-check.
run.on(compute.local()).on(cluster).on(hdi).framework("pyspark");
run.environment(environment.curated("AzureML-sklearn-1.5")).args(["--epochs", 3, true]).experiment("exp");
// A run is a step: a pipeline takes it, and a step may run after it.
pipeline("p").steps(run, pythonScriptStep("next", { script: "n.py" }).after(run));

// @ts-expect-error ACI is no training target
run.on(compute.aci("aci"));
// @ts-expect-error a Batch account runs AzureBatchStep executables, not training scripts
run.on(compute.azureBatch("batch", { accountName: "b", resourceGroup: "rg" }));
// @ts-expect-error a run has no pipeline parameters to read
run.args([param.int("epochs", 3)]);
// @ts-expect-error frameworks are python or pyspark
run.framework("spark");
// @ts-expect-error a run has no inputs: it reads its data through its arguments
run.input("data", compute.local());
