// Data transfer between Azure Blob storage and ADLS Gen2 with Azure Data Factory, both ways.
import { compute, datastore, dataTransferStep, pipeline } from "@amlpipe/dsl";

const blob = datastore.blob("workspaceblobstore");
const lake = datastore.adlsGen2("adls_gen2_store", { account: "mylakeaccount", container: "curated" });
const adf = compute.dataFactory("adf-compute", { resourceGroup: "ml-rg", factoryName: "ml-factory" });

const toLake = dataTransferStep("blob_to_adls", {
  from: blob.path("exports/daily", { name: "daily_export" }),
  to: { datastore: lake },
}).on(adf);
const backToBlob = dataTransferStep("adls_to_blob", {
  from: toLake.outputs.destination,
  to: { datastore: blob },
}).on(adf);

/** Copy a blob folder to ADLS Gen2 and back. */
export default pipeline("blob-adls-transfer")
  .description("Move data between Blob storage and ADLS Gen2")
  .steps(backToBlob);
