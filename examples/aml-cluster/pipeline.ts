// A multi-step training pipeline on an AML compute cluster, with pipeline parameters and a nightly
// schedule (compiled to its own Schedule document).
import { compute, datastore, environment, param, pipeline, pythonScriptStep, schedule } from "@amlpipe/dsl";

const cluster = compute.amlCluster("cpu-cluster", {
  vmSize: "STANDARD_D2_V2",
  minNodes: 0,
  maxNodes: 4,
  vmPriority: "low_priority",
});
const blob = datastore.blob("workspaceblobstore");
const sklearn = environment.curated("AzureML-sklearn-1.5");
const rows = param.int("rows", 500);
const maxRows = param.int("max_rows", 100000);

const prepare = pythonScriptStep("prepare", { script: "prepare.py", sourceDirectory: "steps" })
  .on(cluster)
  .environment(sklearn)
  .output("points")
  .param("rows", rows)
  .args(({ outputs, params }) => ["--output", outputs.points, "--rows", params.rows]);

const train = pythonScriptStep("train", { script: "train.py", sourceDirectory: "steps" })
  .on(cluster)
  .environment(sklearn)
  .input("data", prepare.outputs.points)
  .output("model", { datastore: blob })
  .param("max_rows", maxRows)
  .args(({ inputs, outputs, params }) => [
    "--data",
    inputs.data,
    "--model",
    outputs.model,
    "--max-rows",
    params.max_rows,
  ]);

/** Prepare and train on an AML cluster, nightly. */
export default pipeline("aml-cluster-training")
  .description("Prepare data and train a model on an AML compute cluster")
  .defaultCompute(cluster)
  .parameters(rows, maxRows)
  .steps(train)
  .schedule(
    schedule.recurring(
      "nightly-training",
      { frequency: "Day", interval: 1, hours: [2], minutes: [30], timeZone: "UTC" },
      { pipelineParameters: { rows: 1000 } },
    ),
  );
