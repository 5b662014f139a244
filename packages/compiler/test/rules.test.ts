import { describe, expect, it } from "vitest";
import { checkPipeline, DIAGNOSTIC_CODES, type PipelineIR, RULES, type StepIR } from "../src/index.js";
import { at, validIR } from "./support/valid-ir.js";

type Mutation = (ir: PipelineIR) => PipelineIR;
const step = (ir: PipelineIR, key: string): StepIR => ir.steps.find((s) => s.key === key) as StepIR;
const withStep = (ir: PipelineIR, key: string, patch: Record<string, unknown>): PipelineIR => ({
  ...ir,
  steps: ir.steps.map((s) => (s.key === key ? ({ ...s, ...patch } as StepIR) : s)),
});

/** For each rule: a mutation of the valid pipeline that must make it fire, at the given line. */
const CASES: [code: string, line: number, mutate: Mutation][] = [
  [
    "AP200",
    10,
    (ir) =>
      withStep(ir, "prep", {
        after: ["copy"],
        inputs: [{ name: "raw", from: "summary_blob", source: at(12) }],
      }),
  ],
  ["AP201", 12, (ir) => withStep(ir, "prep", { inputs: [{ name: "raw", from: "rawx", source: at(12) }] })],
  [
    "AP202",
    13,
    (ir) =>
      withStep(ir, "prep", {
        outputs: [...step(ir, "prep").outputs, { name: "extra", destination: "extra", source: at(13) }],
      }),
  ],
  [
    "AP203",
    8,
    (ir) => ({ ...ir, computes: [{ kind: "aml_cluster", name: "adf", source: at(5) }, ...ir.computes] }),
  ],
  ["AP204", 10, (ir) => withStep(ir, "prep", { arguments: [{ ref: "input", name: "nope" }] })],
  [
    "AP205",
    11,
    (ir) =>
      withStep(ir, "prep", {
        parameters: [
          { name: "lr", value: { kind: "pipeline_parameter", parameter: "rate" }, source: at(11) },
        ],
      }),
  ],
  ["AP206", 20, (ir) => withStep(ir, "agg", { after: ["ghost"] })],
  [
    "AP207",
    22,
    (ir) =>
      withStep(ir, "agg", {
        outputs: [{ name: "summary", destination: "clean", datastore: "lake", source: at(22) }],
      }),
  ],
  ["AP208", 1, (ir) => ({ ...ir, steps: [] })],
  ["AP209", 20, (ir) => withStep(ir, "agg", { arguments: ["--x"] })],
  ["AP300", 10, (ir) => withStep(ir, "prep", { compute: "adla" })],
  [
    "AP301",
    21,
    (ir) =>
      withStep(ir, "prep", {
        outputs: [{ name: "clean", destination: "clean", datastore: "blob", source: at(13) }],
      }),
  ],
  [
    "AP302",
    10,
    (ir) =>
      withStep({ ...ir, computes: [...ir.computes, { kind: "aci", name: "aci", source: at(9) }] }, "prep", {
        compute: "aci",
      }),
  ],
  [
    "AP303",
    10,
    (ir) =>
      withStep(
        {
          ...ir,
          defaultCompute: "dbx",
          computes: [
            ...ir.computes,
            {
              kind: "databricks",
              name: "dbx",
              workspaceName: "w",
              resourceGroup: "rg",
              accessToken: { kind: "env", name: "T" },
              source: at(9),
            },
          ],
        },
        "prep",
        { compute: undefined },
      ),
  ],
  [
    "AP304",
    9,
    (ir) => ({
      ...ir,
      computes: [
        ...ir.computes,
        {
          kind: "adla",
          name: "adla2",
          accountName: "a",
          resourceGroup: "rg",
          defaultDatastore: "lake",
          source: at(9),
        },
      ],
    }),
  ],
  [
    "AP305",
    6,
    (ir) => ({
      ...ir,
      computes: ir.computes.map((c) => (c.name === "cpu" ? { ...c, name: "cpu_cluster_that_is_long" } : c)),
      steps: ir.steps.map((s) => (s.compute === "cpu" ? { ...s, compute: "cpu_cluster_that_is_long" } : s)),
      defaultCompute: "cpu_cluster_that_is_long",
    }),
  ],
  [
    "AP306",
    9,
    (ir) => ({
      ...ir,
      computes: [
        ...ir.computes,
        {
          kind: "remote_vm",
          name: "vm",
          resourceId: "/subscriptions/s/vm",
          sshPort: 22,
          username: "u",
          source: at(9),
        },
      ],
    }),
  ],
  [
    "AP307",
    10,
    (ir) => withStep({ ...ir, defaultCompute: undefined } as PipelineIR, "prep", { compute: undefined }),
  ],
  ["AP308", 10, (ir) => withStep(ir, "prep", { compute: "gpu" })],
  [
    "AP309",
    13,
    (ir) =>
      withStep(ir, "prep", {
        outputs: [{ name: "clean", destination: "clean", datastore: "elsewhere", source: at(13) }],
      }),
  ],
  ["AP310", 10, (ir) => withStep(ir, "prep", { environment: "missing-env" })],
  ["AP400", 10, (ir) => withStep(ir, "prep", { scriptName: "" })],
  [
    "AP401",
    9,
    (ir) => ({
      ...ir,
      steps: [
        ...ir.steps,
        {
          type: "AzureBatchStep",
          key: "b",
          name: "b",
          source: at(9),
          compute: "cpu",
          executable: "run.sh",
          createPool: true,
          vmSize: "s",
          deleteBatchJobAfterFinish: true,
          deleteBatchPoolAfterFinish: false,
          isPositiveExitCodeFailure: true,
          runTaskAsAdmin: false,
          targetComputeNodes: 1,
          poolId: "p",
          arguments: [],
          parameters: [],
          inputs: [],
          outputs: [],
          allowReuse: true,
          after: [],
        },
      ],
    }),
  ],
  [
    "AP402",
    9,
    (ir) => ({
      ...ir,
      steps: [
        ...ir.steps,
        {
          type: "DatabricksStep",
          key: "d",
          name: "d",
          source: at(9),
          notebookPath: "/a",
          mainClassName: "M",
          numWorkers: 1,
          arguments: [],
          parameters: [],
          inputs: [],
          outputs: [],
          allowReuse: true,
          after: [],
        },
      ],
    }),
  ],
  [
    "AP403",
    9,
    (ir) => ({
      ...ir,
      steps: [
        ...ir.steps,
        {
          type: "DatabricksStep",
          key: "d",
          name: "d",
          source: at(9),
          notebookPath: "/a",
          arguments: [],
          parameters: [],
          inputs: [],
          outputs: [],
          allowReuse: true,
          after: [],
        },
      ],
    }),
  ],
  [
    "AP404",
    32,
    (ir) => ({
      ...ir,
      datastores: ir.datastores.map((d) => (d.name === "blob" ? { ...d, kind: "azure_file" as const } : d)),
    }),
  ],
  [
    "AP405",
    9,
    (ir) => ({
      ...ir,
      steps: [
        ...ir.steps,
        {
          type: "ParallelRunStep",
          key: "pr",
          name: "pr",
          source: at(9),
          parallelRunConfig: { entryScript: "s.py", nodeCount: 0 },
          sideInputs: [],
          arguments: [],
          parameters: [],
          inputs: [{ name: "i", from: "raw", source: at(9) }],
          outputs: [],
          allowReuse: true,
          after: [],
        },
      ],
    }),
  ],
  [
    "AP406",
    40,
    (ir) => ({
      ...ir,
      schedules: [
        {
          name: "s",
          source: at(40),
          recurrence: { frequency: "Day", interval: 1, timeOfDay: "10:00", hours: [1] },
          pipelineParameters: {},
        },
      ],
    }),
  ],
  ["AP407", 20, (ir) => withStep(ir, "agg", { scriptName: "agg.sql" })],
  [
    "AP500",
    9,
    (ir) => ({
      ...ir,
      computes: [
        ...ir.computes,
        {
          kind: "databricks",
          name: "dbx",
          workspaceName: "w",
          resourceGroup: "rg",
          accessToken: { kind: "inline", length: 36 },
          source: at(9),
        },
      ],
    }),
  ],
  ["AP501", 10, (ir) => withStep(ir, "prep", { arguments: ["--password", "hunter2"] })],
];

describe("rule catalogue", () => {
  it("given the valid pipeline, no rule fires", () => {
    expect(checkPipeline(validIR())).toEqual([]);
  });

  for (const [code, line, mutate] of CASES) {
    it(`given a pipeline with that mistake, ${code} fires at line ${line}`, () => {
      const found = checkPipeline(mutate(validIR())).filter((d) => d.code === code);
      expect(found.length, JSON.stringify(checkPipeline(mutate(validIR())))).toBeGreaterThan(0);
      expect(found[0]?.at?.line).toBe(line);
      expect(found[0]?.severity).toBe(DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity);
      expect(found[0]?.hint ?? found[0]?.message).toBeTruthy();
    });
  }

  it("given every registered rule, a firing case exists above (AP600 is tested on its own)", () => {
    const tested = new Set([...CASES.map(([code]) => code), "AP600"]);
    expect(RULES.map((r) => r.code).filter((c) => !tested.has(c))).toEqual([]);
  });

  it("given more than 30,000 steps, AP600 fires", () => {
    const ir = validIR();
    const base = step(ir, "prep");
    const many = Array.from({ length: 30_001 }, (_, i) => ({
      ...base,
      key: `s${i}`,
      outputs: [],
      inputs: [],
      parameters: [],
      arguments: [],
    }));
    const found = checkPipeline({ ...ir, steps: many }).filter((d) => d.code === "AP600");
    expect(found).toHaveLength(1);
  });

  it("given an AdlaStep input on another store in a .ts pipeline, AP301 offers a fix inserting a DataTransferStep", () => {
    const ir = withStep(validIR(), "prep", {
      outputs: [{ name: "clean", destination: "clean", datastore: "blob", source: at(13) }],
    });
    const found = checkPipeline(ir).find((d) => d.code === "AP301");
    expect(found?.message).toContain('can only use its default store "lake"');
    expect(found?.fix?.edits[0]).toMatchObject({
      kind: "copy_before_adla",
      file: "p.ts",
      line: 21,
      input: "clean",
      datastore: "lake",
    });
  });

  it("given a secret-looking argument, AP501 never prints its value", () => {
    const canary = `dapi${"0123456789abcdef".repeat(2)}`;
    const found = checkPipeline(withStep(validIR(), "prep", { arguments: ["--token", canary] }));
    expect(found.map((d) => d.code)).toContain("AP501");
    expect(JSON.stringify(found)).not.toContain(canary);
  });
});
