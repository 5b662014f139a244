// Data Lake Analytics: a U-SQL AdlaStep can only use data on the ADLA account's default Data Lake
// Store. The logs live on blob storage, so a DataTransferStep (on Data Factory) copies them there
// first: the constraint in action (rule AP301 stops the pipeline that forgets the copy).
import { adlaStep, compute, datastore, dataTransferStep, pipeline } from "@amlpipe/dsl";

const blob = datastore.blob("workspaceblobstore");
const lake = datastore.adlsGen1("adls_default", { storeName: "mydatalakestore" });
const adla = compute.adla("adla-compute", {
  accountName: "myadlaaccount",
  resourceGroup: "ml-rg",
  defaultDatastore: lake,
});
const adf = compute.dataFactory("adf-compute", { resourceGroup: "ml-rg", factoryName: "ml-factory" });
const searchLog = blob.path("adla/SearchLog.tsv", { name: "search_log_blob" });

const copyToLake = dataTransferStep("copy_log_to_lake", {
  from: searchLog,
  to: { datastore: lake },
  sourceReferenceType: "file",
  destinationReferenceType: "file",
}).on(adf);

const summarize = adlaStep("summarize_regions", {
  script: "aggregate.usql",
  sourceDirectory: "steps",
  degreeOfParallelism: 4,
  priority: 100,
})
  .on(adla)
  .input("search_log", copyToLake.outputs.destination)
  .output("region_summary", { datastore: lake });

/** Copy blob logs to the ADLA default store, then aggregate them with U-SQL. */
export default pipeline("adla-search-log")
  .description("U-SQL aggregation over data copied to the ADLA default store")
  .steps(summarize);
