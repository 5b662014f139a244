import { COMPUTE_KINDS } from "../../kinds/computes/index.js";
import {
  bool,
  DRAFT_2020_12,
  deprecated,
  described,
  int,
  nonEmpty,
  SCHEMA_BASE,
  str,
  stringMap,
  strings,
} from "./common.js";

/** Every compute kind's spec keys (a key several kinds share, like `resource_id`, has one schema). */
const computeSpecKeys: Record<string, unknown> = Object.assign(
  {},
  ...Object.values(COMPUTE_KINDS).map((kind) => kind.specKeys),
);

/** The schema of `computes/<name>.yaml` (an attach spec; secrets only as references). */
export const computeSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}compute.schema.json`,
  title: "amlpipe compute attach spec",
  type: "object",
  required: ["compute"],
  additionalProperties: false,
  properties: {
    compute: {
      type: "object",
      description: "a compute target amlpipe attaches to the workspace before a submit",
      required: ["name", "kind"],
      additionalProperties: false,
      properties: {
        name: described("the compute's name in the workspace, as steps' compute: names it", nonEmpty),
        kind: described("the kind of compute: which of the other keys apply", {
          enum: Object.keys(COMPUTE_KINDS),
        }),
        description: described("what the workspace shows for the compute", str),
        existing: described(
          "true: the compute is attached in the workspace already (compute.existing): nothing is attached, submit checks it is there, of this kind",
          { const: true },
        ),
        // Each kind's own keys, from its definition (kinds/computes/).
        ...computeSpecKeys,
      },
      allOf: Object.values(COMPUTE_KINDS)
        .filter((kind) => kind.requiredSpecKeys.length > 0)
        .map((kind) => ({
          // An existing compute is referred to by name and kind only: its attach keys are not needed.
          if: { properties: { kind: { const: kind.kind } }, not: { required: ["existing"] } },
          then: { required: [...kind.requiredSpecKeys] },
        })),
    },
  },
} as const;

/** The schema of `datastores/<name>.yaml`. */
export const datastoreSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}datastore.schema.json`,
  title: "amlpipe datastore spec",
  type: "object",
  required: ["datastore"],
  additionalProperties: false,
  properties: {
    datastore: {
      type: "object",
      description: "a datastore the pipeline's data references and outputs name",
      required: ["name", "kind"],
      additionalProperties: false,
      properties: {
        name: described("the datastore's name in the workspace", nonEmpty),
        kind: described("the storage service behind the datastore", {
          enum: [
            "azure_blob",
            "azure_file",
            "adls_gen1",
            "adls_gen2",
            "azure_sql",
            "postgresql",
            "mysql",
            "dbfs",
          ],
        }),
        account: described("the storage account (or server) that holds the data", str),
        container: described("the blob container or file share", str),
        database: described("the database, for SQL, PostgreSQL and MySQL datastores", str),
      },
    },
  },
} as const;

/** The schema of `runconfigs/*.yml` (the subset of the v1 RunConfiguration amlpipe writes). */
export const runconfigSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}runconfig.schema.json`,
  title: "Azure ML v1 RunConfiguration (as written by amlpipe)",
  type: "object",
  required: ["framework", "environment"],
  additionalProperties: false,
  properties: {
    script: { ...nonEmpty, description: "A training run's script, relative to its source directory." },
    arguments: {
      type: "array",
      items: { type: "string" },
      description: "A training run's command-line arguments (text: the SDK passes them on the command line).",
    },
    framework: described("how the script runs: Python, or PySpark on a Spark compute", {
      enum: ["Python", "PySpark"],
    }),
    target: described("the compute the run or step runs on, by name", nonEmpty),
    environment: {
      type: "object",
      description: "the software the script runs with",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: described("the environment's name (registered under it when it is built)", nonEmpty),
        python: {
          type: "object",
          description: "the Python the script runs with",
          required: ["userManagedDependencies"],
          additionalProperties: false,
          properties: {
            userManagedDependencies: described(
              "true: use the Python already on the compute (interpreterPath) and build nothing",
              bool,
            ),
            interpreterPath: described("the Python interpreter to run (python when unset)", str),
            condaDependencies: {
              type: "object",
              description: "a conda environment Azure ML builds (the contents of a conda_dependencies.yml)",
              required: ["dependencies"],
              additionalProperties: false,
              properties: {
                name: described("the conda environment's name", str),
                channels: described("conda channels to install from, e.g. conda-forge", strings),
                dependencies: {
                  description: "conda packages (python=3.11, numpy, ...) and a { pip: [...] } entry",
                  type: "array",
                  items: {
                    anyOf: [
                      { type: "string" },
                      {
                        type: "object",
                        required: ["pip"],
                        additionalProperties: false,
                        properties: {
                          pip: described("packages pip installs, e.g. scikit-learn==1.5.0", strings),
                        },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
        docker: {
          type: "object",
          description: "the Docker image the script runs in",
          required: ["enabled"],
          additionalProperties: false,
          properties: {
            enabled: described("run in a Docker container", bool),
            baseImage: described(
              "the image to start from, e.g. mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
              str,
            ),
            gpuSupport: deprecated("not a DockerSection field of the SDK v1, which ignores it", bool),
          },
        },
        environmentVariables: described("environment variables the script sees", stringMap),
        databricks: {
          type: "object",
          description: "libraries a Databricks cluster installs",
          additionalProperties: false,
          properties: {
            jarLibraries: {
              description: "JAR libraries, by path (dbfs:/...)",
              type: "array",
              items: {
                type: "object",
                required: ["library"],
                additionalProperties: false,
                properties: { library: described("the JAR's path, e.g. dbfs:/mnt/libs/lib.jar", nonEmpty) },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** The schema of `parallel_run_configs/<step>.yml`. */
export const parallelRunConfigSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}parallel-run-config.schema.json`,
  title: "Azure ML ParallelRunConfig (the shape ParallelRunConfig.load_yaml reads)",
  type: "object",
  required: ["parallel_run_config"],
  additionalProperties: false,
  properties: {
    parallel_run_config: {
      type: "object",
      description: "how a ParallelRunStep splits its input and runs its entry script",
      required: [
        "entry_script",
        "compute_target_name",
        "environment",
        "output_action",
        "error_threshold",
        "node_count",
      ],
      additionalProperties: false,
      properties: {
        entry_script: described(
          "the script with init() and run(mini_batch), relative to source_directory",
          nonEmpty,
        ),
        source_directory: described("the folder uploaded with the entry script", str),
        compute_target_name: described("the AML cluster the step runs on, by name", nonEmpty),
        environment: runconfigSchema.properties.environment,
        mini_batch_size: described(
          "files per run() call for a file dataset, or a size such as 10MB for a tabular one",
          str,
        ),
        error_threshold: described(
          "failed items (records or files) tolerated before the step fails; -1 tolerates all",
          int,
        ),
        output_action: described(
          "append_row: collect run()'s results into one file; summary_only: the script writes its own",
          { enum: ["append_row", "summary_only"] },
        ),
        node_count: described("the nodes the step runs on", int),
        process_count_per_node: described("entry script processes per node (one per core when unset)", int),
        run_invocation_timeout: described("seconds a run() call may take before it counts as failed", int),
      },
    },
  },
} as const;

const position = {
  type: "object",
  description: "a place in the pipeline's source",
  required: ["file", "line", "col"],
  additionalProperties: false,
  properties: {
    file: described("the source file, relative to the compile root", str),
    line: described("the line, from 1", int),
    col: described("the column, from 1", int),
  },
} as const;

/** The schema of `manifest.json`. */
export const manifestSchema = {
  $schema: DRAFT_2020_12,
  $id: `${SCHEMA_BASE}manifest.schema.json`,
  title: "amlpipe compiled-directory manifest",
  type: "object",
  required: ["tool", "target", "irVersion", "pipeline", "files", "schedules", "steps", "source"],
  additionalProperties: false,
  properties: {
    tool: {
      type: "object",
      description: "the tool that wrote the folder",
      required: ["name", "version"],
      additionalProperties: false,
      properties: {
        name: described("always amlpipe", { const: "amlpipe" }),
        version: described("the amlpipe version that compiled it", nonEmpty),
      },
    },
    target: described("the YAML written: v1 (SDK v1 pipeline) or v2 (pipeline job)", { enum: ["v1", "v2"] }),
    irVersion: described("the version of amlpipe's intermediate representation", int),
    pipeline: described("the pipeline's name", nonEmpty),
    files: described("every file written, by path, with its SHA-256 (what submit uploads and compares)", {
      type: "object",
      additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" },
    }),
    schedules: described("the files under schedules/", strings),
    steps: described("where each step was defined, by step key", {
      type: "object",
      additionalProperties: position,
    }),
    source: described("where the pipeline was defined", position),
    trainingRun: {
      type: "object",
      description: "a compiled training run (instead of a pipeline)",
      required: ["experiment", "runconfig", "sourceDirectory"],
      additionalProperties: false,
      properties: {
        experiment: described("the experiment the run is submitted under", nonEmpty),
        runconfig: described("its runconfig file, in this folder", nonEmpty),
        sourceDirectory: described("the folder uploaded as its snapshot", nonEmpty),
      },
    },
  },
} as const;
