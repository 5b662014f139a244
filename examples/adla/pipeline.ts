// Azure Data Lake Analytics: a U-SQL job reads logs on the ADLA account's default store (the only
// store U-SQL can read) and writes a summary there; a DataTransferStep then copies the summary to Blob
// storage. The copy reads the job's output, so the order is data; nothing in a v1 pipeline can read
// the copy itself (AP212): read it from a later pipeline.
import { adlaStep, compute, datastore, dataTransferStep, pipeline } from "@amlpipe/dsl";

const blob = datastore.blob("workspaceblobstore");
const lake = datastore.adlsGen1("adls_default", { storeName: "mydatalakestore" });
const adla = compute.adla("adla-compute", {
  accountName: "myadlaaccount",
  resourceGroup: "ml-rg",
  defaultDatastore: lake,
});
const adf = compute.dataFactory("adf-compute", { resourceGroup: "ml-rg", factoryName: "ml-factory" });
const searchLog = lake.path("logs/SearchLog.tsv", { name: "search_log" });

const summarize = adlaStep("summarize_regions", {
  script: "aggregate.usql",
  sourceDirectory: "steps",
  degreeOfParallelism: 4,
  priority: 100,
})
  .on(adla)
  .input("search_log", searchLog)
  .output("region_summary", { datastore: lake });

const exportSummary = dataTransferStep("export_summary", {
  from: summarize.outputs.region_summary,
  to: blob.path("adla/region_summary", { name: "region_summary_blob" }),
  destinationReferenceType: "directory",
}).on(adf);

/** Aggregate search logs with U-SQL on the ADLA default store, then copy the summary to Blob. */
export default pipeline("adla-search-log")
  .description("U-SQL aggregation on the ADLA default store, exported to Blob storage")
  .steps(exportSummary);
