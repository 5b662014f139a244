// Azure Batch: attach a Batch account by name and resource group, then run an executable from the
// step's source directory on a pool the step creates (and deletes when done).
import { azureBatchStep, compute, datastore, pipeline } from "@amlpipe/dsl";

const batch = compute.azureBatch("batch-compute", { accountName: "mybatchaccount", resourceGroup: "ml-rg" });
const blob = datastore.blob("workspaceblobstore");
const documents = blob.path("batch/documents", { name: "documents" });

const score = azureBatchStep("score_documents", {
  executable: "score.sh",
  sourceDirectory: "steps",
  poolId: "amlpipe-scoring-pool",
  createPool: true,
  vmSize: "standard_d2_v3",
  vmImageUrn: "urn:canonical:0001-com-ubuntu-server-jammy:22_04-lts:latest",
  targetComputeNodes: 2,
  deleteBatchPoolAfterFinish: true,
})
  .on(batch)
  .input("documents", documents)
  .output("scores", { datastore: blob })
  .args(({ inputs, outputs }) => [inputs.documents, outputs.scores]);

/** Scores text documents on an Azure Batch pool. */
export default pipeline("azure-batch-scoring")
  .description("Score documents with an executable on Azure Batch")
  .steps(score);
