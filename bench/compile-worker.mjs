// One measurement in a fresh process (so peak memory is this work's alone): compile an N-step amlpipe
// pipeline, or synthesise N cdk8s objects. Prints JSON { ms, peakMb }.
import { performance } from "node:perf_hooks";

const [tool, n] = [process.argv[2], Number(process.argv[3])];
let ms;
if (tool === "amlpipe") {
  const { compute, datastore, pipeline, pythonScriptStep } = await import("@amlpipe/dsl");
  const { compilePipeline, lowerPipeline } = await import("@amlpipe/compiler");
  const started = performance.now();
  const cpu = compute.amlCluster("cpu-cluster");
  const raw = datastore.blob("workspaceblobstore").path("raw", { name: "raw" });
  // A chain of width 10: every step reads the output of the step 10 before it, so the graph has N edges.
  const steps = [];
  for (let i = 0; i < n; i++) {
    const source = i < 10 ? raw : steps[i - 10].outputs.out;
    steps.push(
      pythonScriptStep(`s${i}`, { script: "train.py", sourceDirectory: "." })
        .on(cpu)
        .input("data", source)
        .output("out", { datastore: datastore.blob("workspaceblobstore") })
        .args(({ inputs, outputs }) => ["--in", inputs.data, "--out", outputs.out]),
    );
  }
  const { ir } = lowerPipeline(
    pipeline(`bench-${n}`)
      .defaultCompute(cpu)
      .steps(...steps),
    { root: process.cwd() },
  );
  const result = compilePipeline(ir, { outputToRoot: ".", toolVersion: "bench", schemaDirectory: "." });
  if (result.files.length === 0) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  ms = performance.now() - started;
} else {
  const { App, Chart, ApiObject } = await import("cdk8s");
  const started = performance.now();
  const app = new App();
  const chart = new Chart(app, "bench");
  for (let i = 0; i < n; i++) {
    new ApiObject(chart, `job${i}`, {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: `job-${i}` },
      spec: {
        template: {
          spec: {
            containers: [
              { name: "main", image: "python:3.11", args: ["--in", `data-${i}`, "--out", `out-${i}`] },
            ],
            restartPolicy: "Never",
          },
        },
      },
    });
  }
  const yaml = app.synthYaml();
  if (yaml.length === 0) throw new Error("empty");
  ms = performance.now() - started;
}
process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
