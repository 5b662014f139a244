import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readPipeline } from "../src/index.js";
import { memoryHost } from "./support/memory-host.js";

// A pipeline whose every side file (attach spec, datastore spec, runconfig, parallel run config,
// schedule, manifest) the reader opens; the property feeds those files arbitrary content.
const PIPELINE = [
  "pipeline:",
  "  default_compute: cpu",
  "  data_references:",
  "    raw: {datastore: blob, path_on_datastore: raw}",
  "  steps:",
  "    a:",
  "      type: PythonScriptStep",
  "      script_name: a.py",
  "      runconfig: runconfigs/env.cpu.yml",
  "      inputs: {raw: {source: raw}}",
  "    b:",
  "      type: ParallelRunStep",
  "      parallel_run_config: parallel_run_configs/b.yml",
  "      inputs: {raw: {source: raw}}",
].join("\n");

const SIDE_FILES = [
  "p/computes/cpu.yaml",
  "p/datastores/blob.yaml",
  "p/runconfigs/env.cpu.yml",
  "p/parallel_run_configs/b.yml",
  "p/schedules/nightly.yaml",
] as const;

const key = fc.constantFrom(
  "compute",
  "datastore",
  "name",
  "kind",
  "framework",
  "target",
  "environment",
  "python",
  "docker",
  "userManagedDependencies",
  "condaDependencies",
  "entry_script",
  "node_count",
  "Schedule",
  "recurrence",
  "frequency",
  "hours",
  "password",
  "resource_id",
  "ssh_port",
  "x",
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -1, 1.5, "", "None", "aml_cluster", "Python", "Week"),
    fc.string({ maxLength: 8 }),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(key, tie("node"), { maxKeys: 4 }),
  ),
})).node;
const sideFile = fc.oneof(
  value.map((v) => stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constant("a: [unclosed"),
);
const manifest = fc.oneof(
  fc.constant('{"schedules": ["nightly"], "steps": {"a": {"file": "p.ts", "line": 3, "col": 1}}}'),
  value.map((v) => JSON.stringify({ schedules: ["nightly"], steps: v, source: v })),
  fc.string({ maxLength: 20 }),
);

describe("readPipeline over a compiled directory with damaged side files", () => {
  it("given arbitrary content in every side file, ends in coded diagnostics and never fails", () => {
    fc.assert(
      fc.property(fc.tuple(...SIDE_FILES.map(() => sideFile)), manifest, (contents, manifestText) => {
        const files: Record<string, string> = {
          "p/pipeline.yaml": PIPELINE,
          "p/manifest.json": manifestText,
        };
        SIDE_FILES.forEach((path, index) => {
          files[path] = contents[index] ?? "";
        });
        const { ir, diagnostics } = readPipeline({ path: "p/pipeline.yaml", host: memoryHost(files) });
        expect(diagnostics.some((d) => d.message.startsWith("the reader failed"))).toBe(false);
        expect(diagnostics.every((d) => /^AP\d{3}$/.test(d.code) && d.at !== undefined)).toBe(true);
        expect(ir?.steps.map((s) => s.key)).toEqual(["a", "b"]);
      }),
      { numRuns: 300 },
    );
  });
});
