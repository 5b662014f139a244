// Generated pipelines shared by the benchmarks: the compile bench's chain of width 10, compiled to a
// folder (so `validate`, `run` and `import` read the same files a user's compile writes).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Builds the n-step bench pipeline with the DSL (`dsl` is @amlpipe/dsl's namespace). */
export function benchPipeline(dsl, n, sourceDirectory = ".") {
  const { compute, datastore, pipeline, pythonScriptStep } = dsl;
  const cpu = compute.amlCluster("cpu-cluster");
  const raw = datastore.blob("workspaceblobstore").path("raw", { name: "raw" });
  // A chain of width 10: every step reads the output of the step 10 before it, so the graph has N edges.
  const steps = [];
  for (let i = 0; i < n; i++) {
    const source = i < 10 ? raw : steps[i - 10].outputs.out;
    steps.push(
      pythonScriptStep(`s${i}`, { script: "train.py", sourceDirectory })
        .on(cpu)
        .input("data", source)
        .output("out", { datastore: datastore.blob("workspaceblobstore") })
        .args(({ inputs, outputs }) => ["--in", inputs.data, "--out", outputs.out]),
    );
  }
  return pipeline(`bench-${n}`)
    .defaultCompute(cpu)
    .steps(...steps);
}

/**
 * Compiles the n-step bench pipeline into `<dir>/p<n>/` with its script at `<dir>/train.py`, as
 * `amlpipe compile` would lay it out; returns the compiled folder.
 */
export async function writeCompiledBenchPipeline(root, dir, n) {
  const dsl = await import(new URL("packages/dsl/dist/index.js", `file://${root}/`).href);
  const { compilePipeline, lowerPipeline } = await import(
    new URL("packages/compiler/dist/index.js", `file://${root}/`).href
  );
  writeFileSync(join(dir, "train.py"), "pass\n");
  const { ir } = lowerPipeline(benchPipeline(dsl, n, dir), { root: dir });
  const out = join(dir, `p${n}`);
  const result = compilePipeline(ir, { outputToRoot: "..", toolVersion: "bench", schemaDirectory: "." });
  for (const file of result.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.text);
  }
  return out;
}
