import { TOOL_VERSION } from "../version.js";

/** The files `amlpipe init` writes, by path: a pipeline that compiles and runs locally at once. */
export function scaffoldFiles(projectName: string): Record<string, string> {
  return {
    "package.json": `${JSON.stringify(
      {
        name: projectName,
        private: true,
        type: "module",
        scripts: {
          compile: "amlpipe compile pipelines -o out",
          validate: "amlpipe validate pipelines",
          start: "amlpipe run pipelines/train.pipeline.ts --data raw_data=data/sample.csv",
          test: "tsx --test pipelines/*.test.ts",
        },
        devDependencies: {
          "@amlpipe/cli": `^${TOOL_VERSION}`,
          "@amlpipe/dsl": `^${TOOL_VERSION}`,
          "@amlpipe/testing": `^${TOOL_VERSION}`,
          tsx: "^4.20.6",
          typescript: "~5.9.3",
        },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true }, include: ["pipelines"] }, null, 2)}\n`,
    ".gitignore": "node_modules/\nout/\n.amlpipe/\n",
    // VS Code: the YAML extension (yaml-language-server) checks and completes compiled files through
    // their modelines; hand-written pipeline YAML is mapped to the installed schema here.
    ".vscode/extensions.json": `${JSON.stringify({ recommendations: ["redhat.vscode-yaml"] }, null, 2)}\n`,
    ".vscode/settings.json": `${JSON.stringify(
      {
        "yaml.schemas": {
          "./node_modules/@amlpipe/compiler/schemas/pipeline.v1.schema.json": ["pipelines/**/pipeline.yaml"],
        },
        "files.associations": { "*.runconfig": "yaml" },
        "typescript.tsdk": "node_modules/typescript/lib",
      },
      null,
      2,
    )}\n`,
    "pipelines/train.pipeline.ts": `// A two-step pipeline: \`prepare\` cleans the raw CSV, \`train\` fits a model on it.
// Compile it with \`amlpipe compile pipelines -o out\`; run it here with \`npm start\`.
import { compute, datastore, environment, param, pipeline, pythonScriptStep } from "@amlpipe/dsl";

const store = datastore.blob("workspaceblobstore");
const raw = store.path("${projectName}/sample.csv", { name: "raw_data" });
// Locally this is this machine; in Azure, change it to compute.amlCluster("cpu-cluster", { maxNodes: 2 }).
const cpu = compute.local();
const python = environment.conda("${projectName}-env", { python: "3.11" });
const threshold = param.float("threshold", 0.5);

const prepare = pythonScriptStep("prepare", { script: "prepare.py", sourceDirectory: "../steps" })
  .on(cpu)
  .environment(python)
  .input("raw", raw)
  .output("clean")
  .args(({ inputs, outputs }) => ["--raw", inputs.raw, "--out", outputs.clean]);

const train = pythonScriptStep("train", { script: "train.py", sourceDirectory: "../steps" })
  .on(cpu)
  .environment(python)
  .input("data", prepare.outputs.clean)
  .output("model", { datastore: store })
  .param("threshold", threshold)
  .args(({ inputs, outputs, params }) => ["--data", inputs.data, "--model", outputs.model, "--threshold", params.threshold]);

export default pipeline("${projectName}").description("Prepare data, then train").defaultCompute(cpu).parameters(threshold).steps(train);
`,
    "pipelines/train.pipeline.test.ts": `// Tests of the pipeline itself, run by \`npm test\` (node:test through tsx; any runner works).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertValid, synth } from "@amlpipe/testing";
import train from "./train.pipeline.js";

test("the pipeline compiles with no error, and train reads what prepare writes", () => {
  const result = synth(train); // compiles in memory, with every rule
  assertValid(result);
  assert.deepEqual(result.stepEdges(), ["prepare -> train"]);
  assert.match(result.yaml, /script_name: train.py/);
});
`,
    "steps/prepare.py": `"""Keeps the rows of the raw CSV whose value is a number."""
import argparse, csv, os

parser = argparse.ArgumentParser()
parser.add_argument("--raw", required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
with open(args.raw, newline="") as source, open(os.path.join(args.out, "clean.csv"), "w", newline="") as target:
    writer = csv.writer(target)
    writer.writerow(["value"])
    kept = 0
    for row in csv.DictReader(source):
        try:
            writer.writerow([float(row["value"])])
            kept += 1
        except ValueError:
            pass
print(f"prepare: kept {kept} rows")
`,
    "steps/train.py": `"""Learns the share of values above the threshold (a stand-in for real training)."""
import argparse, csv, json, os

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--model", required=True)
parser.add_argument("--threshold", type=float, default=0.5)
args = parser.parse_args()
with open(os.path.join(args.data, "clean.csv"), newline="") as handle:
    values = [float(r["value"]) for r in csv.DictReader(handle)]
os.makedirs(args.model, exist_ok=True)
share = sum(v > args.threshold for v in values) / max(1, len(values))
with open(os.path.join(args.model, "model.json"), "w") as handle:
    json.dump({"threshold": args.threshold, "share_above": share, "rows": len(values)}, handle)
print(f"train: {share:.2f} of {len(values)} values above {args.threshold}")
`,
    "data/sample.csv": "value\n0.1\n0.7\nnot-a-number\n0.9\n0.3\n",
    ".github/workflows/amlpipe.yml": `name: pipelines
on: [push, pull_request]
jobs:
  compile:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: npx amlpipe validate pipelines --format github
      - run: npx amlpipe compile pipelines -o out
      - uses: actions/upload-artifact@v4
        with:
          name: compiled-pipelines
          path: out/
      # To submit to Azure ML once the pipeline runs on a workspace compute (docs/azure.md): sign in
      # with azure/login (OIDC), then
      #   npx amlpipe submit out/<pipeline> --wait --submission-id "$GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT"
      # The job name hashes the pipeline, code and parameters with that id: a retried step finds its
      # job, a changed pipeline or a re-run attempt submits again.
`,
    "README.md": `# ${projectName}\n\nAzure ML pipelines written with amlpipe.\n\n- \`npm run validate\`: check the pipelines\n- \`npm run compile\`: write the compiled YAML to out/\n- \`npm start\`: run the pipeline on this machine\n`,
  };
}
