import type { CondaEnvironmentIR, EnvironmentIR } from "../ir/environment.js";
import type { YamlCursor } from "./yaml-cursor.js";

/**
 * Reads a file a runconfig names, relative to the runconfig's own folder (as `RunConfiguration.load`
 * reads `condaDependenciesFile`); undefined when it cannot be read (the reader reports why).
 */
export type CompanionFileReader = (relative: string, at: YamlCursor["at"]) => YamlCursor | undefined;

/** The snake_case spellings of the Environment keys amlpipe reads, as hand-written files use them. */
const SNAKE_CASE_KEYS: Readonly<Record<string, string>> = {
  user_managed_dependencies: "userManagedDependencies",
  conda_dependencies: "condaDependencies",
  interpreter_path: "interpreterPath",
  base_image: "baseImage",
  environment_variables: "environmentVariables",
};

/**
 * AP102 for an Environment key written in snake_case: the SDK serialises (and reads back) camelCase,
 * so `conda_dependencies` is silently not an environment's packages.
 */
function reportSnakeCase(cursor: YamlCursor): void {
  for (const section of [cursor, cursor.get("python"), cursor.get("docker")])
    for (const { key, value } of section.entries("environment"))
      if (SNAKE_CASE_KEYS[key])
        value.file.report(
          "AP102",
          "warning",
          `environment key "${key}" is not read: the Environment's keys are camelCase`,
          value.at,
          `write ${SNAKE_CASE_KEYS[key]}`,
        );
}

/** How {@link environmentOf} reads the parts a runconfig keeps outside `environment:`. */
export interface EnvironmentContext {
  /** The runconfig's top-level `docker.useDocker` (the current Docker switch). */
  readonly useDocker?: boolean;
  readonly companion?: CompanionFileReader;
}

/** The conda file a runconfig saved by the SDK names instead of inline `condaDependencies`. */
function condaDependenciesOf(python: YamlCursor, context: EnvironmentContext): Record<string, unknown> {
  const inline = python.get("condaDependencies").node?.toJSON();
  if (inline && typeof inline === "object") return inline as Record<string, unknown>;
  const file = python.get("condaDependenciesFile");
  const path = file.string("condaDependenciesFile");
  if (path === undefined || context.companion === undefined) return {};
  const read = context.companion(path, file.at)?.node?.toJSON();
  return read && typeof read === "object" ? (read as Record<string, unknown>) : {};
}

/** A conda environment from its dependencies document (`dependencies`, `channels`). */
function condaEnvironment(
  conda: Record<string, unknown>,
): Pick<CondaEnvironmentIR, "pythonVersion" | "condaPackages" | "pipPackages" | "channels"> {
  const dependencies = Array.isArray(conda.dependencies) ? conda.dependencies : [];
  const pipEntry = dependencies.find((d) => typeof d === "object" && d !== null && "pip" in d) as
    | { pip: string[] }
    | undefined;
  const names = dependencies.filter((d): d is string => typeof d === "string");
  const pythonDep = names.find((d) => /^python[=<>]/.test(d));
  return {
    ...(pythonDep ? { pythonVersion: pythonDep.replace(/^python=+/, "") } : {}),
    condaPackages: names.filter((d) => d !== pythonDep && !(d === "pip" && pipEntry)),
    pipPackages: pipEntry?.pip ?? [],
    channels: Array.isArray(conda.channels) ? (conda.channels as string[]) : [],
  };
}

/** A RunConfiguration-style `environment:` map as an IR environment. */
export function environmentOf(cursor: YamlCursor, context: EnvironmentContext = {}): EnvironmentIR {
  reportSnakeCase(cursor);
  const env = (cursor.node?.toJSON() ?? {}) as Record<string, unknown>;
  const python = env.python as Record<string, unknown> | undefined;
  const docker = env.docker as Record<string, unknown> | undefined;
  const dockerOn = docker?.enabled === true || context.useDocker === true;
  const dockerImage =
    dockerOn && typeof docker?.baseImage === "string" ? { baseImage: docker.baseImage } : undefined;
  const base = {
    name: typeof env.name === "string" ? env.name : "default",
    source: cursor.at,
    ...(env.environmentVariables
      ? { environmentVariables: env.environmentVariables as Record<string, string> }
      : {}),
  };
  if (!python) return { ...base, kind: "curated" };
  if (python.userManagedDependencies === true) {
    const interpreterPath = typeof python.interpreterPath === "string" ? python.interpreterPath : undefined;
    return dockerImage
      ? { ...base, kind: "docker", docker: dockerImage, ...(interpreterPath ? { interpreterPath } : {}) }
      : { ...base, kind: "user_managed", interpreterPath: interpreterPath ?? "python" };
  }
  return {
    ...base,
    kind: "conda",
    ...condaEnvironment(condaDependenciesOf(cursor.get("python"), context)),
    ...(dockerImage ? { docker: dockerImage } : {}),
  };
}

/** Frameworks the SDK lists beyond Python and PySpark: their runs are distributed, which the IR is not. */
const DISTRIBUTED_SETTINGS: readonly [string, (value: unknown) => boolean][] = [
  ["framework", (v) => v !== undefined && v !== "Python" && v !== "PySpark"],
  ["communicator", (v) => v !== undefined && v !== null && v !== "None"],
  ["nodeCount", (v) => v !== undefined && v !== null && v !== 1],
];

/**
 * AP102 for runconfig settings amlpipe's IR cannot hold, when they differ from the SDK's defaults:
 * a distributed framework, communicator or node count, MPI processes, Docker arguments.
 */
function reportUnsupportedSettings(cursor: YamlCursor): void {
  const json = (cursor.node?.toJSON() ?? {}) as Record<string, unknown>;
  const report = (key: string, value: unknown, at: YamlCursor) =>
    at.file.report(
      "AP102",
      "warning",
      `runconfig setting ${key}: ${JSON.stringify(value)} is not carried over: amlpipe runs a step as one Python process`,
      at.at,
      "amlpipe's compiled runconfig leaves it out: a distributed run (a v2 command job's distribution) is not something the DSL writes yet",
    );
  for (const [key, differs] of DISTRIBUTED_SETTINGS)
    if (differs(json[key])) report(key, json[key], cursor.get(key));
  const mpi = json.mpi as { processCountPerNode?: unknown } | undefined;
  if (mpi?.processCountPerNode !== undefined && mpi.processCountPerNode !== 1)
    report("mpi.processCountPerNode", mpi.processCountPerNode, cursor.get("mpi").get("processCountPerNode"));
  const dockerArguments = (json.docker as { arguments?: unknown } | undefined)?.arguments;
  if (Array.isArray(dockerArguments) && dockerArguments.length > 0)
    report("docker.arguments", dockerArguments, cursor.get("docker").get("arguments"));
}

/**
 * What a runconfig file says: the environment (as IR), the framework and Databricks jar libraries.
 * Reads the shape `RunConfiguration.save()` writes too: a `condaDependenciesFile` or an
 * `environment:` file beside the runconfig (through `companion`), and the top-level
 * `docker.useDocker`.
 */
export function readRunconfigSpec(
  cursor: YamlCursor,
  companion?: CompanionFileReader,
): {
  environment: EnvironmentIR;
  framework: "python" | "pyspark";
  jarLibraries?: string[];
} {
  const json = (cursor.node?.toJSON() ?? {}) as Record<string, unknown>;
  reportUnsupportedSettings(cursor);
  const written = cursor.get("environment");
  // `environment: env.yml` names an Environment definition file instead of holding one.
  const file = typeof json.environment === "string" ? json.environment : undefined;
  const envCursor = file !== undefined && companion ? (companion(file, written.at) ?? written) : written;
  const env = (envCursor.node?.toJSON() ?? {}) as Record<string, unknown>;
  const useDocker = (json.docker as { useDocker?: unknown } | undefined)?.useDocker === true;
  const environment = environmentOf(envCursor, { useDocker, ...(companion ? { companion } : {}) });
  const databricks = env.databricks as { jarLibraries?: { library: string }[] } | undefined;
  return {
    environment,
    framework: json.framework === "PySpark" ? "pyspark" : "python",
    ...(databricks?.jarLibraries ? { jarLibraries: databricks.jarLibraries.map((l) => l.library) } : {}),
  };
}
