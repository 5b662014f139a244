/**
 * The environment a runconfig names when its step has none (an HDInsight PySpark step, a Databricks
 * jar). A runconfig `environment:` with only `name` is, to the SDK v1, a reference to a registered
 * environment of that name (`Environment._discriminate_variations`), and none called `default`
 * exists; any other key makes it a full definition: Azure ML's default Python environment here. The
 * reader turns it back into "no environment".
 */
export const NO_ENVIRONMENT_NAME = "amlpipe-default";

/** The runconfig `environment:` of a step that names no environment. */
export function noEnvironmentDocument(): Record<string, unknown> {
  return { name: NO_ENVIRONMENT_NAME, python: { userManagedDependencies: false } };
}
