// `amlpipe import` of v1 YAML keeps the meaning the SDK v1 loader gives the file (audit items 40-46,
// 50): the round trip compares with the original file, and what cannot be carried over is reported.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { v1PipelineDifferences } from "../src/import/v1-pipeline-differences.js";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const scratch = new URL("../.tmp/import-v1-fidelity/", import.meta.url).pathname;
const docs = "packages/compiler/test/fixtures/docs";

interface Outcome {
  readonly report: { construct: string; status: string; why?: string }[];
  readonly roundTrip: string;
  readonly differences?: string[];
  readonly compileErrors?: string[];
}

/** Writes `files` under a fresh scratch folder `name`, returning its root-relative path. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return `packages/cli/.tmp/import-v1-fidelity/${name}`;
}

async function importOf(yaml: string, out: string): Promise<{ outcome: Outcome; text: string }> {
  const run = await runCliCaptured(["import", yaml, "-o", out, "--force", "--json"], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return { outcome: JSON.parse(run.stdout), text: readFileSync(join(root, out), "utf8") };
}

describe("import of v1 YAML keeps the loader's meaning", () => {
  it("given the ADLA example, takes the account's default store from the step's data and writes it as Gen1, marked for review", async () => {
    mkdirSync(scratch, { recursive: true });
    const { outcome, text } = await importOf(
      `${docs}/adla-step.yaml`,
      "packages/cli/.tmp/import-v1-fidelity/adla.ts",
    );
    expect(text).toContain('datastore.adlsGen1("adftestadla")');
    expect(text).toContain("defaultDatastore: adftestadla");
    expect(text).not.toContain("TODO_default_store");
    expect(outcome.report.find((e) => e.construct === 'compute "adlacomp" default store')).toMatchObject({
      status: "review",
      why: expect.stringContaining('"adftestadla", the store all data of "Step1" uses'),
    });
    // AP301 (the step's data on another store than the account's) no longer fires.
    expect((outcome.compileErrors ?? []).join("\n")).not.toContain("AP301");
  });

  it("given an absolute Windows source_directory, keeps it as written and marks it for review", async () => {
    const { outcome, text } = await importOf(
      `${docs}/adla-step.yaml`,
      "packages/cli/.tmp/import-v1-fidelity/adla.ts",
    );
    expect(text).toContain('sourceDirectory: "D:/scripts/Adla"');
    expect(text).not.toContain("../D:");
    expect(outcome.report).toContainEqual(
      expect.objectContaining({
        construct: 'step "Step1" source_directory "D:/scripts/Adla"',
        status: "review",
      }),
    );
  });

  it("given a runconfig that is not here, reports that its environment is not carried over, and the round trip says it is lost", async () => {
    const dir = project("missing-rc", {
      "p.yaml": [
        "pipeline:",
        "  name: missing_rc",
        "  default_compute: cpu",
        "  steps:",
        "    train:",
        "      type: PythonScriptStep",
        "      script_name: train.py",
        "      source_directory: src",
        "      runconfig: gone.runconfig",
        "",
      ].join("\n"),
      "src/train.py": "",
    });
    const { outcome } = await importOf(`${dir}/p.yaml`, `${dir}/p.ts`);
    expect(outcome.report).toContainEqual(
      expect.objectContaining({
        status: "review",
        construct: expect.stringContaining("gone.runconfig"),
        why: expect.stringContaining("environment"),
      }),
    );
    expect(outcome.roundTrip).toBe("different");
    expect(outcome.differences).toEqual(['lost steps.train.runconfig: "(a file)"']);
  });

  it("given a runconfig in the shape RunConfiguration.save() writes, reads its conda file and Docker switch, and reports the distributed settings", async () => {
    const dir = project("sdk-saved", {
      "pipeline.yaml": [
        "pipeline:",
        "  description: train with a saved runconfig",
        "  default_compute: cpu",
        "  steps:",
        "    train:",
        "      type: PythonScriptStep",
        "      script_name: train.py",
        "      source_directory: src",
        "      runconfig: rc/train.runconfig",
        "",
      ].join("\n"),
      "src/train.py": "",
      "rc/train.runconfig": [
        "script: train.py",
        "framework: PyTorch",
        "communicator: None",
        "nodeCount: 2",
        "environment:",
        "  name: train-env",
        "  python:",
        "    userManagedDependencies: false",
        "    condaDependenciesFile: conda_dependencies.yml",
        "  docker:",
        "    enabled: false",
        "    baseImage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04",
        "docker:",
        "  useDocker: true",
        "",
      ].join("\n"),
      "rc/conda_dependencies.yml": "dependencies:\n- python=3.10\n- pip:\n  - scikit-learn==1.5.0\n",
    });
    const { outcome, text } = await importOf(`${dir}/pipeline.yaml`, `${dir}/p.ts`);
    expect(text).toContain('environment.conda("train-env", { python: "3.10", pip: ["scikit-learn==1.5.0"]');
    expect(text).toContain('baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04"');
    const unsupported = outcome.report.filter((e) => e.status === "unsupported").map((e) => e.construct);
    expect(unsupported).toEqual([
      expect.stringContaining('framework: "PyTorch"'),
      expect.stringContaining("nodeCount: 2"),
    ]);
    // The description has spaces, so the name comes from the folder (names become folder names).
    expect(text).toContain('pipeline("sdk-saved")');
  });

  it('given a bool parameter with the default "false", warns that the loader reads it as true and imports it as true', async () => {
    const dir = project("quoted-bool", {
      "p.yaml": [
        "pipeline:",
        "  name: quoted",
        "  default_compute: cpu",
        "  parameters:",
        "    dry_run: {type: bool, default: 'false'}",
        "  steps:",
        "    train: {type: PythonScriptStep, script_name: t.py, source_directory: ., arguments: [--dry-run, 'parameter:dry_run'], parameters: {dry_run: {source: dry_run}}}",
        "",
      ].join("\n"),
      "t.py": "",
    });
    const validate = await runCliCaptured(["validate", `${dir}/p.yaml`], { cwd: root });
    expect(validate.code).toBe(0);
    expect(validate.stderr + validate.stdout).toContain("which the SDK v1 loader reads as true");
    const { outcome, text } = await importOf(`${dir}/p.yaml`, `${dir}/p.ts`);
    expect(text).toContain('param.bool("dry_run", true)');
    expect(outcome.report).toContainEqual(
      expect.objectContaining({ status: "review", why: "carried over as the SDK v1 loader reads it" }),
    );
    expect(outcome.roundTrip).toBe("identical");
  });
});

describe("the v1 round trip's comparison", () => {
  const placed = (pipeline: object) => ({ document: { pipeline }, folder: "." });
  const step = { type: "PythonScriptStep", script_name: "t.py", source_directory: "src" };

  it("given files that mean the same to the loader, finds no difference", () => {
    expect(
      v1PipelineDifferences(
        placed({
          description: "d",
          default_compute: "cpu",
          parameters: { n: { type: "int", default: "3" } },
          data_references: { raw: { datastore: "ws", path_on_datastore: "r", bind_mode: "download" } },
          steps: {
            a: { ...step, name: "a", inputs: { x: { source: "raw", type: "mount" } }, arguments: [5] },
          },
        }),
        placed({
          name: "d",
          default_compute: "cpu",
          parameters: { n: { type: "int", default: 3 } },
          data_references: { raw: { datastore: "ws", path_on_datastore: "r" } },
          steps: {
            a: {
              ...step,
              compute: "cpu",
              allow_reuse: true,
              inputs: { x: { source: "raw" } },
              arguments: ["5"],
            },
          },
        }),
      ),
    ).toEqual([]);
  });

  it("given a changed meaning, names each setting lost, added or changed", () => {
    expect(
      v1PipelineDifferences(
        placed({
          parameters: { b: { type: "bool", default: "false" } },
          steps: { a: { ...step, version: "1" } },
        }),
        placed({
          parameters: { b: { type: "bool", default: false } },
          steps: { a: { ...step, allow_reuse: false } },
        }),
      ),
    ).toEqual([
      "changed parameters.b.default: true -> false",
      'lost steps.a.version: "1"',
      "added steps.a.allow_reuse: false",
    ]);
  });
});
