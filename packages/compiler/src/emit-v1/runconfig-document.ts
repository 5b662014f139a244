import { noEnvironmentDocument } from "../compiled-directory/default-environment.js";
import { safeFileName } from "../compiled-directory/file-names.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { StepIR } from "../ir/step.js";
import { withKind } from "../kinds/steps/index.js";

/** A runconfig file the pipeline needs, and the steps that point at it. */
export interface RunconfigPlan {
  /** Path inside the compiled directory, e.g. `runconfigs/sk-env.cpu-cluster.yml`. */
  readonly path: string;
  readonly document: Record<string, unknown>;
}

/**
 * The runconfig (v1 RunConfiguration YAML) a step needs: one per distinct environment, compute and
 * framework, plus Databricks jar libraries (which the YAML cannot carry). Undefined when the step
 * needs none.
 */
export function runconfigFor(
  step: StepIR,
  environment: EnvironmentIR | undefined,
  compute: string | undefined,
): RunconfigPlan | undefined {
  const needs = withKind(step, (kind, own) => kind.runconfigNeeds(own));
  const framework = needs.framework ?? "Python";
  const jarLibraries = needs.jarLibraries ?? [];
  if (!environment && framework === "Python" && jarLibraries.length === 0) return undefined;
  const envName = environment?.name ?? "default";
  const parts = [envName, compute ?? "default_compute", ...(framework === "PySpark" ? ["pyspark"] : [])];
  if (jarLibraries.length > 0) parts.push(step.key, "databricks");
  const env = environmentDocument(environment);
  if (jarLibraries.length > 0)
    env.databricks = { jarLibraries: jarLibraries.map((library) => ({ library })) };
  return {
    path: `runconfigs/${parts.map(safeFileName).join(".")}.yml`,
    document: { framework, ...(compute ? { target: compute } : {}), environment: env },
  };
}

/**
 * The RunConfiguration-style `environment:` map of an environment (a runconfig's, or a
 * ParallelRunConfig's); for none, Azure ML's default Python environment (see default-environment.ts).
 */
export function environmentDocument(environment: EnvironmentIR | undefined): Record<string, unknown> {
  if (!environment) return noEnvironmentDocument();
  return {
    name: environment.name,
    ...environmentSections(environment),
    ...(environment.environmentVariables
      ? { environmentVariables: sorted(environment.environmentVariables) }
      : {}),
  };
}

function environmentSections(environment: EnvironmentIR | undefined): Record<string, unknown> {
  if (!environment) return {};
  switch (environment.kind) {
    case "curated":
      return {};
    case "conda":
      return {
        python: {
          userManagedDependencies: false,
          condaDependencies: {
            name: "project_environment",
            ...(environment.channels.length > 0 ? { channels: [...environment.channels] } : {}),
            dependencies: [
              ...(environment.pythonVersion ? [`python=${environment.pythonVersion}`] : []),
              ...environment.condaPackages,
              ...(environment.pipPackages.length > 0 ? ["pip", { pip: [...environment.pipPackages] }] : []),
            ],
          },
        },
        ...(environment.docker
          ? {
              docker: {
                enabled: true,
                baseImage: environment.docker.baseImage,
              },
            }
          : {}),
      };
    case "docker":
      return {
        python: {
          userManagedDependencies: true,
          ...(environment.interpreterPath ? { interpreterPath: environment.interpreterPath } : {}),
        },
        docker: {
          enabled: true,
          // No gpuSupport: it is not a DockerSection field of the SDK v1, which ignores it.
          baseImage: environment.docker.baseImage,
        },
      };
    case "user_managed":
      return { python: { userManagedDependencies: true, interpreterPath: environment.interpreterPath } };
  }
}

function sorted(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
