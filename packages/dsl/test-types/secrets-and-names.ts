// Type-level tests: secrets only as Secret values; only declared names are reachable.
import { compute, datastore, pythonScriptStep, secret } from "@amlpipe/dsl";

compute.remoteVm("vm", {
  resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/v",
  username: "u",
  password: secret.keyVault("kv", "vm-password"),
});
compute.remoteVm("vm", {
  resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/v",
  username: "u",
  // @ts-expect-error a plain string is not a Secret
  password: "hunter2",
});
compute.databricks("dbx", {
  workspaceName: "w",
  resourceGroup: "rg",
  // @ts-expect-error a plain string is not a Secret
  accessToken: "dapi0123",
});
compute.hdInsight("hdi", {
  resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.HDInsight/clusters/c",
  username: "u",
  // @ts-expect-error a plain string is not a Secret
  privateKeyPassphrase: "p",
});

const store = datastore.blob("blob");
const prep = pythonScriptStep("prep", { script: "p.py" }).input("raw", store.path("raw")).output("clean");
prep.outputs.clean;
// @ts-expect-error "model" is not an output of prep
prep.outputs.model;
prep.args(({ inputs, outputs }) => [inputs.raw, outputs.clean]);
// @ts-expect-error "missing" is not an input of prep
prep.args(({ inputs }) => [inputs.missing]);
// @ts-expect-error "lr" is not a parameter of prep
prep.args(({ params }) => [params.lr]);
