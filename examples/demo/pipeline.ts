// The demo pipeline `pnpm start` compiles and runs locally: prepare raw measurements, then train a
// classifier on them. Two PythonScriptSteps connected by data (prepare's `clean` output is train's
// `data` input), a pipeline parameter, a data reference on a datastore, and a conda environment.
import { compute, datastore, environment, param, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const store = datastore.blob("workspaceblobstore");
const measurements = store.path("demo/measurements.csv", { name: "raw_measurements" });
const cpu = compute.local();
const python = environment.conda("demo-env", { python: "3.11" });
const learningRate = param.float("learning_rate", 0.5);

const prepare = pythonScriptStep("prepare", { script: "prepare.py", sourceDirectory: "steps" })
  .on(cpu)
  .environment(python)
  .input("raw", measurements)
  .output("clean")
  .args(({ inputs, outputs }) => ["--raw", inputs.raw, "--out", outputs.clean]);

const train = pythonScriptStep("train", { script: "train.py", sourceDirectory: "steps" })
  .on(cpu)
  .environment(python)
  .input("data", prepare.outputs.clean)
  .output("model", { datastore: store })
  .param("learning_rate", learningRate)
  .args(({ inputs, outputs, params }) => [
    "--data",
    inputs.data,
    "--model",
    outputs.model,
    "--learning-rate",
    params.learning_rate,
  ]);

/** Prepare, then train: the pipeline the README's main job runs. */
export default pipeline("demo")
  .description("Prepare measurements, then train a classifier on them")
  .defaultCompute(cpu)
  .parameters(learningRate)
  .steps(train);
