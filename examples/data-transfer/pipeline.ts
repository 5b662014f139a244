// Data Factory copies: a blob folder into ADLS Gen2, and a curated ADLS Gen2 folder back to Blob. Each
// copy's destination is a data reference, written in place; in a v1 pipeline no step can be ordered
// after a copy (AP212), so each copy stands on its own.
import { compute, datastore, dataTransferStep, pipeline } from "@amlpipe/dsl";

const blob = datastore.blob("workspaceblobstore");
const lake = datastore.adlsGen2("adls_gen2_store", { account: "mylakeaccount", container: "curated" });
const adf = compute.dataFactory("adf-compute", { resourceGroup: "ml-rg", factoryName: "ml-factory" });

const toLake = dataTransferStep("blob_to_adls", {
  from: blob.path("exports/daily", { name: "daily_export" }),
  to: lake.path("incoming/daily", { name: "daily_on_lake" }),
}).on(adf);
const toBlob = dataTransferStep("adls_to_blob", {
  from: lake.path("reports/weekly", { name: "weekly_report" }),
  to: blob.path("reports/weekly", { name: "weekly_report_blob" }),
}).on(adf);

/** Copy a blob folder to ADLS Gen2, and a report folder back. */
export default pipeline("blob-adls-transfer")
  .description("Move data between Blob storage and ADLS Gen2")
  .steps(toLake, toBlob);
