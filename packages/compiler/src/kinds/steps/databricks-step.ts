import { definedEntries } from "../../common/defined-entries.js";
import type { DatabricksStepIR } from "../../ir/step.js";
import { databricksEntryRule } from "../../rules/ap402-databricks-entry.js";
import { databricksClusterRule } from "../../rules/ap403-databricks-cluster.js";
import { described, int, str, stringMap, strings } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { ownSettings } from "./own-settings.js";
import { allOf, type StepKind } from "./step-kind.js";

/** DatabricksStep: runs a notebook, a Python script or a jar on Databricks (exactly one entry point). */
export const databricksStep: StepKind<"DatabricksStep"> = {
  type: "DatabricksStep",
  summary: "runs a notebook, a Python script or a jar on Databricks",
  computeKinds: allOf<"databricks">()("databricks"),
  runsInEnvironment: false,
  features: { inputs: true, outputs: true, arguments: false, parameters: false, sideInputs: false },
  v1Keys: {
    run_name: described("the name of the run in Databricks", str),
    notebook_path: described("the notebook to run, as a path in the Databricks workspace", str),
    notebook_params: described("parameters passed to the notebook (widget values)", stringMap),
    python_script_path: described("a Python script on DBFS to run", str),
    python_script_name: described("a Python script in source_directory to run (uploaded with it)", str),
    python_script_params: described("command-line arguments of the Python script", strings),
    main_class_name: described("the class whose main method runs, for a JAR job", str),
    jar_params: described("arguments of the JAR's main method", strings),
    existing_cluster_id: described("run on this interactive cluster instead of a new job cluster", str),
    spark_version: described("the Databricks runtime of a new job cluster (e.g. 13.3.x-scala2.12)", str),
    node_type: described("the VM type of a new job cluster's nodes", str),
    instance_pool_id: described("the instance pool a new job cluster takes its nodes from", str),
    num_workers: described("a fixed number of workers for a new job cluster", int),
    min_workers: described("the fewest workers of an autoscaling job cluster", int),
    max_workers: described("the most workers of an autoscaling job cluster", int),
    spark_env_variables: described("environment variables of the cluster's Spark processes", stringMap),
    spark_conf: described("Spark configuration of the new job cluster", stringMap),
    init_scripts: described("DBFS paths of scripts run on each node at start", strings),
    cluster_log_dbfs_path: described("the DBFS folder the cluster's logs are delivered to", str),
    timeout_seconds: described("how long the run may take before Databricks stops it", int),
  },
  v1NeedsCompute: true,
  requiredV1Keys: [],
  // The loader's own checks: exactly one entry point, and a script named in source_directory needs it.
  // The cluster settings are not here: whether they are needed depends on the runconfig (AP403).
  v1Constraints: {
    oneOf: ["notebook_path", "python_script_path", "python_script_name", "main_class_name"].map((key) => ({
      required: [key],
    })),
    dependentRequired: { python_script_name: ["source_directory"] },
  },
  // The loader's DatabricksStep type checks (databricks_step).
  v1Typed: {
    string: [
      "existing_cluster_id",
      "spark_version",
      "node_type",
      "instance_pool_id",
      "cluster_log_dbfs_path",
      "notebook_path",
      "python_script_path",
      "main_class_name",
      "python_script_name",
      "run_name",
    ],
    integer: ["timeout_seconds", "max_workers", "min_workers", "num_workers"],
  },
  lower: (base, def) =>
    ({ ...base, type: "DatabricksStep", ...definedEntries(def.settings) }) as DatabricksStepIR,
  read(base, cursor, _context, runconfig) {
    const text = (key: string) => cursor.get(key).string(key);
    const int = (key: string) => cursor.get(key).number(key, true);
    const map = (key: string) => cursor.get(key).stringMap(key);
    const list = (key: string) => cursor.get(key).strings(key);
    return {
      ...base,
      type: "DatabricksStep",
      ...definedEntries({
        runName: text("run_name"),
        notebookPath: text("notebook_path"),
        notebookParams: map("notebook_params"),
        pythonScriptPath: text("python_script_path"),
        pythonScriptName: text("python_script_name"),
        pythonScriptParams: list("python_script_params"),
        mainClassName: text("main_class_name"),
        jarParams: list("jar_params"),
        jarLibraries: runconfig?.jarLibraries,
        existingClusterId: text("existing_cluster_id"),
        sparkVersion: text("spark_version"),
        nodeType: text("node_type"),
        instancePoolId: text("instance_pool_id"),
        numWorkers: int("num_workers"),
        minWorkers: int("min_workers"),
        maxWorkers: int("max_workers"),
        sparkEnvVariables: map("spark_env_variables"),
        sparkConf: map("spark_conf"),
        initScripts: list("init_scripts"),
        clusterLogDbfsPath: text("cluster_log_dbfs_path"),
        timeoutSeconds: int("timeout_seconds"),
      }),
    };
  },
  emitV1: (step) =>
    definedEntries({
      run_name: step.runName,
      notebook_path: step.notebookPath,
      notebook_params: step.notebookParams,
      python_script_path: step.pythonScriptPath,
      python_script_name: step.pythonScriptName,
      python_script_params: step.pythonScriptParams,
      main_class_name: step.mainClassName,
      jar_params: step.jarParams,
      existing_cluster_id: step.existingClusterId,
      spark_version: step.sparkVersion,
      node_type: step.nodeType,
      instance_pool_id: step.instancePoolId,
      num_workers: step.numWorkers,
      min_workers: step.minWorkers,
      max_workers: step.maxWorkers,
      spark_env_variables: step.sparkEnvVariables,
      spark_conf: step.sparkConf,
      init_scripts: step.initScripts,
      cluster_log_dbfs_path: step.clusterLogDbfsPath,
      timeout_seconds: step.timeoutSeconds,
    }),
  // The YAML has no key for jar libraries: they travel in the runconfig's `databricks` section.
  runconfigNeeds: (step) => (step.jarLibraries?.length ? { jarLibraries: step.jarLibraries } : {}),
  bindings: (step) => ({ inputs: step.inputs, sideInputs: [], outputs: step.outputs, writes: [] }),
  scripts: (step) => (step.pythonScriptName === undefined ? [] : [step.pythonScriptName]),
  v2: () => ({
    noV2Form:
      "v2 pipelines have no Databricks job; run it as a Databricks job (orchestrated outside Azure ML) or as a `command`/`spark` job on Azure ML compute",
  }),
  importCall: (step, context) => ({
    factory: "databricksStep",
    // Its own settings map one to one onto the constructor's options.
    options: tsLiterals({ ...ownSettings(step), sourceDirectory: context.sourceDirectory }),
    chainsBindings: true,
  }),
  rules: [databricksEntryRule, databricksClusterRule],
};
