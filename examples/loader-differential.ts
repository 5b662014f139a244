// Generated v1 pipeline YAML documents for the differential test against the SDK v1 loader model:
// every step kind, with valid settings and the mutations the loader refuses or misreads (missing
// keys, wrong types, unknown bindings and modes, conflicting cluster settings, bad parameters).
import fc from "fast-check";

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const maybe = <T>(...values: T[]) => fc.constantFrom<T | undefined>(...values, undefined);

const inputs = maybe<unknown>(
  { data: { source: "raw" } },
  { data: { source: "ghost" } },
  { data: { source: "raw", bind_mode: "download" } },
  { data: { source: "raw", bind_mode: "upload" } },
  { data: { bind_mode: "mount" } },
  { data: "raw" },
  { data: { source: "clean" } },
);
const outputs = maybe<unknown>(
  { out: { destination: "clean" } },
  { out: { destination: "clean", bind_mode: "upload" } },
  { out: { destination: "clean", bind_mode: "download" } },
  { out: {} },
);
const common = {
  compute: maybe<unknown>("cpu", 7),
  source_directory: maybe("steps", "missing-dir"),
  allow_reuse: maybe<unknown>(true, false, "yes"),
  inputs,
  outputs,
};

const python = fc.record(
  {
    type: pick("PythonScriptStep"),
    script_name: maybe<unknown>("prep.py", 3),
    arguments: maybe<unknown>(["--x", "1"], ["--x", 1], ["--in", "input:data"], "--x 1"),
    parameters: maybe<unknown>({ rate: { source: "lr" } }, { rate: { source: "nope" } }, { rate: 5 }),
    runconfig: maybe("rc.runconfig"),
    ...common,
  },
  { requiredKeys: ["type"] },
);
const adla = fc.record(
  {
    type: pick("AdlaStep"),
    script_name: maybe("a.usql"),
    compute: maybe("adla"),
    source_directory: maybe("steps"),
    inputs,
    outputs,
  },
  { requiredKeys: ["type"] },
);
const databricks = fc.record(
  {
    type: pick("DatabricksStep"),
    compute: maybe("dbx"),
    notebook_path: maybe("/Shared/n"),
    python_script_name: maybe("d.py"),
    source_directory: maybe("steps"),
    run_name: maybe<unknown>("r", 5),
    node_type: maybe("Standard_D3_v2"),
    instance_pool_id: maybe("pool"),
    num_workers: maybe<unknown>(2, "2"),
    spark_version: maybe("7.3.x-scala2.12"),
    existing_cluster_id: maybe("0101-abc"),
  },
  { requiredKeys: ["type"] },
);
const batch = fc.record(
  {
    type: pick("AzureBatchStep"),
    compute: maybe("batch"),
    executable: maybe<unknown>("run.exe", 1),
    source_directory: maybe("steps"),
    create_pool: maybe<unknown>(true, "true"),
    pool_id: maybe("pool-1"),
    vm_size: maybe("standard_d1_v2"),
  },
  { requiredKeys: ["type"] },
);
const transfer = fc.record(
  {
    type: pick("DataTransferStep"),
    compute: maybe("adf"),
    source_data_reference: maybe<unknown>("raw", { source: "raw" }, "ghost"),
    destination_data_reference: maybe<unknown>("dest", { source: "dest" }),
    source_reference_type: maybe("file", "directory", "blob"),
  },
  { requiredKeys: ["type"] },
);
const parallel = fc.record(
  {
    type: pick("ParallelRunStep"),
    parallel_run_config: maybe("prs.yaml"),
    inputs,
    outputs,
    side_inputs: maybe<unknown>(["raw"]),
  },
  { requiredKeys: ["type"] },
);
const step = fc.oneof(
  { weight: 4, arbitrary: python },
  { weight: 1, arbitrary: adla },
  { weight: 2, arbitrary: databricks },
  { weight: 1, arbitrary: batch },
  { weight: 2, arbitrary: transfer },
  { weight: 1, arbitrary: parallel },
  { weight: 1, arbitrary: fc.record({ type: pick<unknown>("NotAStep", 4) }) },
);

/** A generated v1 pipeline document (`{ pipeline: ... }`), undefined keys dropped by the caller. */
export const pipelineDocument = fc.record(
  {
    name: pick("p1", "p2"),
    description: maybe("generated"),
    default_compute: maybe("cpu"),
    parameters: maybe<unknown>(
      { lr: { type: "float", default: 0.1 } },
      { lr: { type: "int", default: "x" } },
      { lr: { type: "int", default: " 7 " } },
      { lr: { type: "bool", default: "false" } },
      { lr: { type: "bool", default: 0 } },
      { lr: { type: "nope" } },
      { lr: { default: 1 } },
      { lr: { type: "datapath", default: { datastore: "workspaceblobstore" } } },
      {
        lr: { type: "datapath", default: { datastore: "workspaceblobstore", path_on_datastore: "d/x.csv" } },
      },
    ),
    data_references: maybe<unknown>(
      {
        raw: { datastore: "workspaceblobstore", path_on_datastore: "raw/x.csv" },
        dest: { datastore: "lake", path_on_datastore: "out/" },
      },
      { raw: { datastore: "workspaceblobstore" } },
      { raw: { dataset_name: "titanic" } },
      { raw: { dataset_name: "" } },
      { raw: { path_on_datastore: "x" } },
      { raw: { datastore: "sql", sql_table: "t" }, dest: { datastore: "lake", path_on_datastore: "out/" } },
      {
        raw: {
          datastore: "sql",
          sql_stored_procedure: "dbo.p",
          sql_stored_procedure_params: { since: { value: "2026-01-01", type: "Date" }, n: { value: 5 } },
        },
        dest: { datastore: "lake", path_on_datastore: "out/" },
      },
      { raw: { datastore: "sql", sql_stored_procedure_params: { since: "2026-01-01" } } },
    ),
    steps: fc.dictionary(pick("prep", "train", "score", "copy", "agg"), step, { minKeys: 0, maxKeys: 3 }),
  },
  { requiredKeys: ["name", "steps"] },
);

/**
 * A `Schedule:` document: a recurrence with each of its eight keys set, unset or out of range, or a
 * datastore trigger, with the keys that belong to the other kind mixed in.
 */
const recurrence = fc.record({
  frequency: pick("Minute", "Hour", "Day", "Week", "Month"),
  interval: pick(1, 2, 0),
  start_time: pick(null, "2026-01-01T02:00:00"),
  // Windows names the SDK has, one CLDR has and the SDK lacks, and an IANA name.
  time_zone: pick(
    null,
    "UTC",
    "W. Europe Standard Time",
    "Mid-Atlantic Standard Time",
    "Yukon Standard Time",
    "Europe/Berlin",
  ),
  hours: pick(null, [2], [25]),
  minutes: pick(null, [0, 30], [61]),
  time_of_day: pick(null, "10:30", "1030"),
  week_days: pick(null, ["Monday"], ["Funday"]),
});
export const scheduleDocument = fc.record(
  {
    description: pick("nightly", "on-upload"),
    recurrence: fc.option(recurrence, { nil: undefined }),
    pipeline_parameters: maybe<unknown>({ lr: 0.5 }),
    // The text None (as the reference page writes it) is a string to the loader, not "unset".
    datastore_name: maybe("workspaceblobstore", "None"),
    polling_interval: maybe<unknown>(5, "None"),
    data_path_parameter_name: maybe("input_path"),
    path_on_datastore: maybe("incoming/"),
    wait_for_provisioning: maybe(true),
    wait_timeout: maybe(600),
    continue_on_step_failure: maybe<unknown>(false, "None"),
  },
  { requiredKeys: ["description"] },
);
