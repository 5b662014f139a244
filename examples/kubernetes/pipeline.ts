// Kubernetes: attach an AKS cluster by resource id (into the namespace the team's jobs use) and train
// on it: an ordinary PythonScriptStep, with its environment built from conda packages.
import { compute, datastore, environment, param, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const aks = compute.kubernetes("aks-train", {
  flavour: "aks",
  resourceId:
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/ml-aks",
  namespace: "training",
});
const blob = datastore.blob("workspaceblobstore");
const sklearn = environment.conda("aks-train-env", { python: "3.11", pip: ["scikit-learn==1.5.0"] });
const trees = param.int("trees", 100);

const train = pythonScriptStep("train", { script: "train.py", sourceDirectory: "steps" })
  .on(aks)
  .environment(sklearn)
  .input("data", blob.path("churn/customers.csv", { name: "customers" }))
  .output("model", { datastore: blob })
  .param("trees", trees)
  .args(({ inputs, outputs, params }) => [
    "--data",
    inputs.data,
    "--model",
    outputs.model,
    "--trees",
    params.trees,
  ]);

/** Training on an attached AKS cluster. */
export default pipeline("kubernetes-churn")
  .description("Train a churn model on an attached AKS cluster")
  .parameters(trees)
  .steps(train);
