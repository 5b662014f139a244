import type { SourcePosition } from "./source-position.js";

/** A Docker base image (GPU support comes with the image). */
export interface DockerImageIR {
  readonly baseImage: string;
}

interface EnvironmentBase {
  /** Environment name (curated name, or the user's own). */
  readonly name: string;
  readonly source: SourcePosition;
  /** Environment variables set for the step's process (never secrets: rule AP501). */
  readonly environmentVariables?: Readonly<Record<string, string>>;
}
/** A curated Azure ML environment, by name (e.g. `AzureML-sklearn-1.5`). */
export interface CuratedEnvironmentIR extends EnvironmentBase {
  readonly kind: "curated";
}
/** Conda (and pip) packages installed by Azure ML, optionally on a chosen Docker base image. */
export interface CondaEnvironmentIR extends EnvironmentBase {
  readonly kind: "conda";
  readonly pythonVersion?: string;
  readonly condaPackages: readonly string[];
  readonly pipPackages: readonly string[];
  readonly channels: readonly string[];
  readonly docker?: DockerImageIR;
}
/** A Docker image that already holds every dependency. */
export interface DockerEnvironmentIR extends EnvironmentBase {
  readonly kind: "docker";
  readonly docker: DockerImageIR;
  readonly interpreterPath?: string;
}
/** User-managed dependencies: Azure ML runs the given interpreter as it is. */
export interface UserManagedEnvironmentIR extends EnvironmentBase {
  readonly kind: "user_managed";
  readonly interpreterPath: string;
}

/** A step's execution environment, discriminated by `kind`. */
export type EnvironmentIR =
  | CuratedEnvironmentIR
  | CondaEnvironmentIR
  | DockerEnvironmentIR
  | UserManagedEnvironmentIR;
