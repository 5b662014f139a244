// One measurement in a fresh process (so peak memory is this work's alone): compile an N-step amlpipe
// pipeline, or synthesise N cdk8s objects. Prints JSON { ms, cpuMs, peakMb } (cpuMs: every thread).
import { performance } from "node:perf_hooks";

const [tool, n] = [process.argv[2], Number(process.argv[3])];
let ms;
let cpu0;
if (tool === "amlpipe") {
  const dsl = await import("@amlpipe/dsl");
  const { compilePipeline, lowerPipeline } = await import("@amlpipe/compiler");
  const { benchPipeline } = await import("./bench-pipelines.mjs");
  cpu0 = process.cpuUsage();
  const started = performance.now();
  const { ir } = lowerPipeline(benchPipeline(dsl, n), { root: process.cwd() });
  const result = compilePipeline(ir, { outputToRoot: ".", toolVersion: "bench", schemaDirectory: "." });
  if (result.files.length === 0) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  ms = performance.now() - started;
} else {
  const { App, Chart, ApiObject } = await import("cdk8s");
  cpu0 = process.cpuUsage();
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
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
  }),
);
