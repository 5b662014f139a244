// Remote VM / DSVM: attach an Ubuntu VM by resource id with an SSH key from Key Vault, and train on
// it twice: in a conda environment, and in a Docker image.
import { compute, datastore, environment, pipeline, pythonScriptStep, secret } from "@amlpipe/dsl";

const dsvm = compute.remoteVm("dsvm", {
  resourceId:
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/my-dsvm",
  sshPort: 22,
  username: "azureuser",
  privateKey: secret.keyVault("ml-keyvault", "dsvm-ssh-key"),
});
const blob = datastore.blob("workspaceblobstore");
const conda = environment.conda("dsvm-conda", {
  python: "3.10",
  conda: ["numpy"],
  pip: ["scikit-learn==1.5.0"],
});
const docker = environment.docker("dsvm-docker", {
  baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04",
});

const trainConda = pythonScriptStep("train_conda", { script: "train.py", sourceDirectory: "steps" })
  .on(dsvm)
  .environment(conda)
  .output("history", { datastore: blob })
  .args(({ outputs }) => ["--output", outputs.history, "--epochs", 5]);
const trainDocker = pythonScriptStep("train_docker", { script: "train.py", sourceDirectory: "steps" })
  .on(dsvm)
  .environment(docker)
  .output("history", { datastore: blob })
  .after(trainConda)
  .args(({ outputs }) => ["--output", outputs.history, "--epochs", 3]);

/** Training on an attached DSVM with conda and Docker environments. */
export default pipeline("remote-vm-training")
  .description("Train on a remote VM with conda and Docker")
  .steps(trainDocker);
