// One training script, four compute targets: "start locally, scale out by switching the compute
// target". Each run is the same `training(...)` value; only `.on(...)` and the environment (and, on
// HDInsight, the pyspark framework Spark needs) differ. `amlpipe run train.run.ts --pipeline train-local`
// trains here; `amlpipe submit` sends the others as command jobs.
import { compute, environment, type ScriptRun, scriptRun, secret } from "@amlpipe/dsl";

/** The training run every target shares: script, source folder, arguments, experiment. */
const training = (name: string): ScriptRun =>
  scriptRun(name, { script: "train.py", sourceDirectory: "src" })
    .args(["--epochs", 200, "--learning-rate", 0.05])
    .experiment("linear-model");

/** On this machine, with its own Python (a user-managed environment). */
export const local = training("train-local")
  .on(compute.local())
  .environment(environment.userManaged("system-python", "python3"));

/** On a remote VM (framework python), in a conda environment Azure ML builds there. */
export const remoteVm = training("train-remote-vm")
  .on(
    compute.remoteVm("dsvm", {
      resourceId:
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/my-dsvm",
      sshPort: 22,
      username: "azureuser",
      privateKey: secret.keyVault("ml-keyvault", "dsvm-ssh-key"),
    }),
  )
  .environment(environment.conda("train-conda", { python: "3.10" }));

/** On HDInsight: Spark runs the script (framework pyspark) with the cluster's own Python. */
export const hdinsight = training("train-hdinsight")
  .on(
    compute.hdInsight("hdi-spark", {
      resourceId:
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.HDInsight/clusters/my-spark",
      sshPort: 22,
      username: "sshuser",
      password: secret.env("HDI_SSH_PASSWORD"),
    }),
  )
  .framework("pyspark")
  .environment(environment.userManaged("hdi-python", "/usr/bin/anaconda/bin/python"));

/** On an AML compute cluster, with a curated environment. */
export const amlCluster = training("train-aml-cluster")
  .on(compute.amlCluster("cpu-cluster", { vmSize: "STANDARD_D2_V2", minNodes: 0, maxNodes: 2 }))
  .environment(environment.curated("AzureML-sklearn-1.5"));
