// Synapse Spark: attach a workspace's Spark pool by resource id and run a PySpark aggregation on it
// (framework pyspark). In v1 it is a PythonScriptStep on the pool; with --target v2, a Spark job.
import { compute, datastore, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const pool = compute.synapseSpark("synapse-pool", {
  resourceId:
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.Synapse/workspaces/analytics/bigDataPools/sparkpool",
  sparkVersion: "3.4",
  nodeSize: "Medium",
  nodeCount: 3,
});
const blob = datastore.blob("workspaceblobstore");

const daily = pythonScriptStep("daily_totals", {
  script: "daily_totals.py",
  sourceDirectory: "steps",
  framework: "pyspark",
})
  .on(pool)
  .input("sales", blob.path("sales/2026", { name: "sales" }))
  .output("totals", { datastore: blob })
  .args(({ inputs, outputs }) => ["--sales", inputs.sales, "--totals", outputs.totals]);

/** A PySpark job on a Synapse Spark pool. */
export default pipeline("synapse-daily-totals")
  .description("Daily sales totals with PySpark on a Synapse Spark pool")
  .steps(daily);
