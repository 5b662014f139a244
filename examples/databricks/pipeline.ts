// Databricks: attach a workspace with its access token taken from a secret (an environment variable
// read at attach time), run a notebook, a Python script and a jar, and pass data to a PythonScriptStep.
import {
  compute,
  databricksStep,
  datastore,
  environment,
  pipeline,
  pythonScriptStep,
  secret,
} from "@amlpipe/dsl";

const dbx = compute.databricks("dbx-compute", {
  workspaceName: "my-databricks-ws",
  resourceGroup: "ml-rg",
  accessToken: secret.env("DATABRICKS_TOKEN"),
});
const cpu = compute.amlCluster("cpu-cluster", { vmSize: "STANDARD_D2_V2", maxNodes: 2 });
const blob = datastore.blob("workspaceblobstore");
const rawText = blob.path("databricks/raw", { name: "raw_text" });

const clean = databricksStep("clean_notebook", {
  notebookPath: "/Shared/amlpipe/clean",
  notebookParams: { language: "en" },
  runName: "clean",
  sparkVersion: "13.3.x-scala2.12",
  nodeType: "Standard_DS3_v2",
  numWorkers: 2,
})
  .on(dbx)
  .input("raw", rawText)
  .output("cleaned", { datastore: blob });

const featurize = databricksStep("featurize_script", {
  pythonScriptName: "featurize.py",
  sourceDirectory: "steps",
  runName: "featurize",
  sparkVersion: "13.3.x-scala2.12",
  nodeType: "Standard_DS3_v2",
  minWorkers: 1,
  maxWorkers: 4,
})
  .on(dbx)
  .input("cleaned", clean.outputs.cleaned)
  // A Databricks script gets no `arguments`: each input and output arrives as `--<name> <path>`.
  .output("features", { datastore: blob });

const index = databricksStep("index_jar", {
  mainClassName: "com.example.BuildIndex",
  jarLibraries: ["dbfs:/FileStore/jars/build-index.jar"],
  jarParams: ["--shards", "4"],
  existingClusterId: "0123-456789-abcde123",
})
  .on(dbx)
  .input("features", featurize.outputs.features)
  .output("index", { datastore: blob });

const report = pythonScriptStep("report", { script: "report.py", sourceDirectory: "steps" })
  .on(cpu)
  .environment(environment.curated("AzureML-sklearn-1.5"))
  .input("features", featurize.outputs.features)
  .output("report", { datastore: blob })
  .after(index)
  .args(({ inputs, outputs }) => ["--features", inputs.features, "--report", outputs.report]);

/** Notebook -> script -> jar on Databricks, then a report on an AML cluster. */
export default pipeline("databricks-features")
  .description("Featurise text on Databricks, report on AML compute")
  .steps(report);
