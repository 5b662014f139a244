// Azure Batch: attach a Batch account by name and resource group, then run an executable from the
// step's source directory on an existing Linux pool. (A pool the step creates from v1 YAML runs
// Windows Server 2012 R2 whatever vmImageUrn says, since the SDK v1 loader ignores it: AP408.)
import { azureBatchStep, compute, datastore, pipeline } from "@amlpipe/dsl";

const batch = compute.azureBatch("batch-compute", { accountName: "mybatchaccount", resourceGroup: "ml-rg" });
const blob = datastore.blob("workspaceblobstore");
const documents = blob.path("batch/documents", { name: "documents" });

const score = azureBatchStep("score_documents", {
  executable: "score.sh",
  sourceDirectory: "steps",
  poolId: "amlpipe-linux-pool",
  vmSize: "standard_d2_v3",
})
  .on(batch)
  .input("documents", documents)
  .output("scores", { datastore: blob })
  .args(({ inputs, outputs }) => [inputs.documents, outputs.scores]);

/** Scores text documents on an Azure Batch pool. */
export default pipeline("azure-batch-scoring")
  .description("Score documents with an executable on Azure Batch")
  .steps(score);
