// The reader's stages on their own: the side-file reader (runconfigs read once, environments
// gathered once each) and the pipeline's name.
import { describe, expect, it } from "vitest";
import type { Diagnostic, EnvironmentIR } from "../src/index.js";
import { parseYamlFile } from "../src/read/parse-yaml-file.js";
import type { ReadHost } from "../src/read/read-host.js";
import { pipelineNameOf, readPipeline } from "../src/read/read-pipeline.js";
import { stepReadContext } from "../src/read/side-file-reader.js";
import { memoryHost } from "./support/memory-host.js";

const at = { file: "p/pipeline.yaml", line: 1, col: 1 };
const runconfig =
  "framework: Python\nenvironment:\n  name: sk\n  python:\n    userManagedDependencies: true\n    interpreterPath: /usr/bin/python3\n";

describe("the reader's stages", () => {
  it("given two steps naming one runconfig, reads it once and keeps its environment once", () => {
    const files = memoryHost({ "p/rc.yml": runconfig });
    let reads = 0;
    const host: ReadHost = {
      ...files,
      readFile(path) {
        reads++;
        return files.readFile(path);
      },
    };
    const environments: EnvironmentIR[] = [];
    const diagnostics: Diagnostic[] = [];
    const context = stepReadContext({
      yamlDir: "p",
      host,
      missingFileSeverity: "error",
      allow: {},
      diagnostics,
      environments,
    });
    expect(context.readRunconfig("rc.yml", at)).toMatchObject({ environment: "sk", framework: "python" });
    expect(context.readRunconfig("./rc.yml", at)).toMatchObject({ environment: "sk" });
    expect(reads).toBe(1);
    expect(environments.map((e) => e.name)).toEqual(["sk"]);
    expect(diagnostics).toEqual([]);
  });

  it("given a missing runconfig, reports AP104 at the step's line with the severity asked for", () => {
    const diagnostics: Diagnostic[] = [];
    const context = stepReadContext({
      yamlDir: "p",
      host: memoryHost({}),
      missingFileSeverity: "warning",
      allow: {},
      diagnostics,
      environments: [],
    });
    expect(context.readRunconfig("gone.yml", { ...at, line: 7 })).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: "AP104", severity: "warning", at: { line: 7 } }]);
  });

  it("given name, description or neither, names the pipeline in that order (the folder last)", () => {
    const section = (text: string) => {
      const cursor = parseYamlFile("p/pipeline.yaml", text, []);
      if (!cursor) throw new Error("does not parse");
      return cursor.get("pipeline");
    };
    expect(
      pipelineNameOf(section("pipeline:\n  name: a\n  description: b\n"), "p/pipeline.yaml", true),
    ).toEqual({
      name: "a",
      description: "b",
    });
    expect(pipelineNameOf(section("pipeline:\n  description: b\n"), "p/pipeline.yaml", true).name).toBe("b");
    expect(pipelineNameOf(section("pipeline:\n  steps: {}\n"), "p/pipeline.yaml", true).name).toBe("p");
    expect(pipelineNameOf(section("pipeline:\n  steps: {}\n"), "job.yaml", true).name).toBe("job");
  });
});

describe("the ParallelRunConfig file", () => {
  const pipelineYaml =
    "pipeline:\n  name: p\n  steps:\n    score:\n      type: ParallelRunStep\n      parallel_run_config: prc.yml\n      inputs:\n        d: {source: images}\n      outputs:\n        o: {destination: o}\n";

  it("given the shape ParallelRunConfig.load_yaml reads, takes the compute, folder and environment from it", () => {
    const prc =
      "parallel_run_config:\n  entry_script: score.py\n  source_directory: steps\n  compute_target_name: cpu\n  environment: {name: amlpipe-default, python: {userManagedDependencies: false}}\n  error_threshold: -1\n  output_action: append_row\n  node_count: 2\n";
    const { ir } = readPipeline({
      path: "p/pipeline.yaml",
      host: memoryHost({ "p/pipeline.yaml": pipelineYaml, "p/prc.yml": prc, "p/steps/score.py": "" }),
    });
    expect(ir?.steps[0]).toMatchObject({
      compute: "cpu",
      sourceDirectory: "p/steps",
      parallelRunConfig: { entryScript: "score.py", nodeCount: 2, errorThreshold: -1 },
    });
    expect(ir?.steps[0]).not.toHaveProperty("environment");
  });

  it("given the flat shape amlpipe used to write, reports AP101: the loader reads parallel_run_config:", () => {
    const { diagnostics } = readPipeline({
      path: "p/pipeline.yaml",
      host: memoryHost({ "p/pipeline.yaml": pipelineYaml, "p/prc.yml": "entry_script: score.py\n" }),
    });
    expect(diagnostics.find((d) => d.code === "AP101")?.message).toContain(
      'no top-level "parallel_run_config:"',
    );
  });
});
