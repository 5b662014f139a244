// Compute instance: run a notebook-sized job on a team member's compute instance, already in the
// workspace, referred to by name and kind (nothing to attach, no secrets).
import { compute, datastore, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const devBox = compute.existing("dev-box", "compute_instance");
const blob = datastore.blob("workspaceblobstore");

const profile = pythonScriptStep("profile", { script: "profile_data.py", sourceDirectory: "steps" })
  .on(devBox)
  .input("data", blob.path("churn/customers.csv", { name: "customers" }))
  .output("report", { datastore: blob })
  .args(({ inputs, outputs }) => ["--data", inputs.data, "--report", outputs.report]);

/** A data profile on an existing compute instance. */
export default pipeline("compute-instance-profile")
  .description("Profile a data set on an existing compute instance")
  .steps(profile);
