import fc from "fast-check";
import type {
  ComputeIR,
  DataReferenceIR,
  EnvironmentIR,
  InputBindingIR,
  OutputBindingIR,
  ParameterIR,
  PipelineIR,
  SourcePosition,
  StepIR,
} from "../../src/index.js";
import { STEP_KINDS } from "../../src/kinds/steps/index.js";

const at: SourcePosition = { file: "gen.ts", line: 1, col: 1 };
const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !s.includes("\n"));
const literal = fc.oneof(text, fc.integer({ min: -50, max: 50 }), fc.boolean());

/** A valid-shaped IR pipeline: steps of every kind, connected by data, with parameters and environments. */
export const pipelineIR: fc.Arbitrary<PipelineIR> = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    description: fc.option(text, { nil: undefined }),
    stepCount: fc.integer({ min: 1, max: 5 }),
    kinds: fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5), { minLength: 5, maxLength: 5 }),
    params: fc.uniqueArray(ident, { maxLength: 3 }),
    envKind: fc.constantFrom("curated", "conda", "docker", "user_managed"),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 20, maxLength: 20 }),
    // Literal arguments are text in the IR (lowering and the reader both make them so).
    args: fc.array(literal.map(String), { maxLength: 3 }),
    withAfter: fc.boolean(),
  })
  .map((g) => {
    const pick = (i: number, n: number) => (g.seed[i % g.seed.length] ?? 0) % n;
    const parameters: ParameterIR[] = g.params.map((name, i) => ({
      name: `p_${name}`,
      type: (["string", "int", "bool"] as const)[i % 3] ?? "string",
      default: i % 3 === 0 ? "x" : i % 3 === 1 ? i : true,
      source: at,
    }));
    const references: DataReferenceIR[] = [
      {
        kind: "datastore_path",
        name: "raw",
        source: at,
        datastore: "blobstore",
        pathOnDatastore: "raw/data",
      },
      { kind: "dataset", name: "ds", source: at, datasetName: "my_ds" },
    ];
    const computes: ComputeIR[] = [
      { kind: "aml_cluster", name: "cpu", source: at, vmSize: "STANDARD_D2_V2", maxNodes: 2 },
      {
        kind: "adla",
        name: "adla",
        source: at,
        accountName: "acct",
        resourceGroup: "rg",
        defaultDatastore: "lake",
      },
      { kind: "azure_batch", name: "batch", source: at, accountName: "b", resourceGroup: "rg" },
      {
        kind: "databricks",
        name: "dbx",
        source: at,
        workspaceName: "w",
        resourceGroup: "rg",
        accessToken: { kind: "env", name: "DBX_TOKEN" },
      },
      { kind: "data_factory", name: "adf", source: at },
    ];
    const env: EnvironmentIR =
      g.envKind === "curated"
        ? { kind: "curated", name: "AzureML-minimal", source: at }
        : g.envKind === "conda"
          ? {
              kind: "conda",
              name: "env",
              source: at,
              pythonVersion: "3.10",
              condaPackages: ["numpy"],
              pipPackages: ["pandas"],
              channels: ["conda-forge"],
            }
          : g.envKind === "docker"
            ? { kind: "docker", name: "img", source: at, docker: { baseImage: "ubuntu:22.04" } }
            : { kind: "user_managed", name: "mine", source: at, interpreterPath: "/usr/bin/python3" };
    const steps: StepIR[] = [];
    for (let i = 0; i < g.stepCount; i++) {
      const key = `s${i}`;
      // A DataTransferStep (kind 4) writes a data reference, not intermediate data: nobody reads it.
      const producer = pick(i + 1, i);
      const from =
        i > 0 && pick(i, 2) === 0 && (g.kinds[producer] ?? 0) !== 4
          ? `s${producer}_out`
          : pick(i, 3) === 0
            ? "ds"
            : "raw";
      const input: InputBindingIR = {
        name: "in1",
        from,
        source: at,
        ...(pick(i + 2, 2) ? { bindMode: "download" as const } : {}),
      };
      const output: OutputBindingIR = {
        name: "out",
        destination: `${key}_out`,
        source: at,
        ...(pick(i + 3, 2) ? { datastore: "blobstore" } : {}),
      };
      const base = {
        key,
        name: key,
        source: at,
        arguments: [
          ...g.args,
          { ref: "input" as const, name: "in1" },
          { ref: "output" as const, name: "out" },
        ],
        parameters: parameters.slice(0, 1).map((p) => ({
          name: "sp",
          value: { kind: "pipeline_parameter" as const, parameter: p.name },
          source: at,
        })),
        inputs: [input],
        outputs: [output],
        allowReuse: pick(i + 4, 2) === 0,
        after: g.withAfter && i > 1 ? ["s0"] : [],
        sourceDirectory: "src/steps",
      };
      const kind = g.kinds[i] ?? 0;
      if (kind === 0)
        steps.push({
          ...base,
          type: "PythonScriptStep",
          compute: "cpu",
          environment: env.name,
          scriptName: "train.py",
        });
      else if (kind === 1)
        steps.push({ ...base, type: "AdlaStep", compute: "adla", scriptName: "job.usql", priority: 100 });
      else if (kind === 2)
        steps.push({
          ...base,
          type: "AzureBatchStep",
          compute: "batch",
          executable: "run.cmd",
          createPool: true,
          vmSize: "standard_d1_v2",
          vmImageUrn: "urn:x",
          deleteBatchJobAfterFinish: true,
          deleteBatchPoolAfterFinish: false,
          isPositiveExitCodeFailure: true,
          runTaskAsAdmin: false,
        });
      else if (kind === 3)
        steps.push({
          ...base,
          type: "DatabricksStep",
          compute: "dbx",
          notebookPath: "/nb",
          numWorkers: 2,
          sparkConf: { a: "b" },
        });
      else if (kind === 4) {
        const { sourceDirectory: _, ...withoutDirectory } = base;
        steps.push({
          ...withoutDirectory,
          type: "DataTransferStep",
          compute: "adf",
          inputs: [],
          outputs: [],
          arguments: [],
          sourceDataReference: { name: "src", from: input.from, source: at },
          destinationDataReference: { name: "dst", from: `${key}_copy`, source: at },
        });
        references.push({
          kind: "datastore_path",
          name: `${key}_copy`,
          source: at,
          datastore: "blobstore",
          pathOnDatastore: `copies/${key}`,
        });
      } else
        steps.push({
          ...base,
          type: "ParallelRunStep",
          compute: "cpu",
          // The loader hands a ParallelRunStep `input.dataset`: it reads the registered dataset.
          inputs: [{ ...input, from: "ds" }],
          parallelRunConfig: {
            entryScript: "score.py",
            miniBatchSize: "10",
            errorThreshold: 5,
            outputAction: "append_row",
            nodeCount: 1,
          },
          sideInputs: [],
        });
    }
    // Only what each kind's loader reads (AP209 refuses the rest).
    steps.splice(0, steps.length, ...steps.map(withKindFeatures));
    const usedComputes = computes.filter((c) => steps.some((s) => s.compute === c.name));
    const ir: PipelineIR = {
      irVersion: 1,
      name: g.name,
      ...(g.description !== undefined ? { description: g.description } : {}),
      source: at,
      parameters,
      datastores: [
        { name: "blobstore", kind: "azure_blob", source: at, account: "acct", container: "c" },
        ...(usedComputes.some((c) => c.kind === "adla")
          ? [{ name: "lake", kind: "adls_gen1" as const, source: at, account: "lakestore" }]
          : []),
      ],
      dataReferences: references,
      computes: usedComputes,
      environments: steps.some((s) => s.environment) ? [env] : [],
      steps,
      schedules: [],
    };
    return ir;
  });

/** `step` without the arguments and parameters its kind does not read. */
function withKindFeatures(step: StepIR): StepIR {
  const features = STEP_KINDS[step.type].features;
  return {
    ...step,
    arguments: features.arguments ? step.arguments : [],
    parameters: features.parameters ? step.parameters : [],
  } as StepIR;
}
