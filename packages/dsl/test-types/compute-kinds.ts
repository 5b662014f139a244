// Type-level tests, compiled (never run) by `pnpm test`. Each @ts-expect-error line must fail to
// type-check: if a wrong pipeline becomes writable, the directive is unused and the test run fails.
import {
  adlaStep,
  azureBatchStep,
  compute,
  databricksStep,
  datastore,
  dataTransferStep,
  parallelRunStep,
  pythonScriptStep,
  secret,
} from "@amlpipe/dsl";

const lake = datastore.adlsGen1("lake");
const adla = compute.adla("adla", { accountName: "a", resourceGroup: "rg", defaultDatastore: lake });
const adf = compute.dataFactory("adf");
const dbx = compute.databricks("dbx", {
  workspaceName: "w",
  resourceGroup: "rg",
  accessToken: secret.env("DBX"),
});
const batch = compute.azureBatch("batch", { accountName: "b", resourceGroup: "rg" });
const cpu = compute.amlCluster("cpu");
const aci = compute.aci("aci");

// The right kinds type-check.
adlaStep("a", { script: "a.usql" }).on(adla);
dataTransferStep("t", { from: lake.path("x"), to: lake.path("y") }).on(adf);
databricksStep("d", { notebookPath: "/n" }).on(dbx);
azureBatchStep("b", { executable: "run.sh" }).on(batch);
pythonScriptStep("p", { script: "p.py" }).on(cpu);
parallelRunStep("r", { entryScript: "s.py" }).on(cpu);

// @ts-expect-error an AdlaStep runs only on Data Lake Analytics
adlaStep("a", { script: "a.usql" }).on(cpu);
// @ts-expect-error a DataTransferStep runs only on Data Factory
dataTransferStep("t", { from: lake.path("x"), to: lake.path("y") }).on(cpu);
// @ts-expect-error a DatabricksStep runs only on Databricks
databricksStep("d", { notebookPath: "/n" }).on(cpu);
// @ts-expect-error an AzureBatchStep runs only on Azure Batch
azureBatchStep("b", { executable: "run.sh" }).on(dbx);
// @ts-expect-error a PythonScriptStep cannot run on Data Lake Analytics
pythonScriptStep("p", { script: "p.py" }).on(adla);

// ACI is accepted by no training step.
// @ts-expect-error ACI is inference only
pythonScriptStep("p", { script: "p.py" }).on(aci);
// @ts-expect-error ACI is inference only
parallelRunStep("r", { entryScript: "s.py" }).on(aci);
// @ts-expect-error ACI is inference only
adlaStep("a", { script: "a.usql" }).on(aci);

// compute.existing keeps its kind: step rules hold as for a declared compute.
const existingDbx = compute.existing("team-dbx", "databricks");
databricksStep("d2", { notebookPath: "/n" }).on(existingDbx);
pythonScriptStep("p2", { script: "p.py" }).on(compute.existing("gpu", "aml_cluster"));
// @ts-expect-error a PythonScriptStep cannot run on a Databricks compute, existing or not
pythonScriptStep("p3", { script: "p.py" }).on(existingDbx);
// @ts-expect-error ACI is inference only: it is no existing training compute either
compute.existing("aci", "aci");
// @ts-expect-error the kind is one of the DSL's compute kinds
compute.existing("x", "aml-cluster");
