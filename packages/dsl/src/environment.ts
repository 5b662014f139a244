import { captureSourceLocation, type SourceLocation } from "./source-location.js";

/**
 * A Docker base image. Whether it has GPU support is the image's own business (pick a GPU image):
 * the SDK v1 ignores a runconfig's `gpuSupport`, so amlpipe has no such flag.
 */
export interface DockerImage {
  readonly baseImage: string;
}

/** Options of `environment.conda`. */
export interface CondaOptions {
  /** Python version, e.g. "3.10". */
  readonly python?: string;
  readonly conda?: readonly string[];
  readonly pip?: readonly string[];
  readonly channels?: readonly string[];
  readonly docker?: DockerImage;
  readonly variables?: Readonly<Record<string, string>>;
}

/** A step's execution environment. */
export type Environment = {
  readonly name: string;
  readonly location: SourceLocation;
  readonly variables?: Readonly<Record<string, string>>;
} & (
  | { readonly kind: "curated" }
  | {
      readonly kind: "conda";
      readonly python?: string;
      readonly conda: readonly string[];
      readonly pip: readonly string[];
      readonly channels: readonly string[];
      readonly docker?: DockerImage;
    }
  | { readonly kind: "docker"; readonly docker: DockerImage; readonly interpreterPath?: string }
  | { readonly kind: "user_managed"; readonly interpreterPath: string }
);

/** Environment constructors. */
export const environment = {
  /** A curated Azure ML environment by name, e.g. `AzureML-sklearn-1.5`. */
  curated: (name: string): Environment => ({ kind: "curated", name, location: captureSourceLocation() }),
  /** Conda and pip packages Azure ML installs, optionally on a chosen Docker base image. */
  conda: (name: string, options: CondaOptions = {}): Environment => ({
    kind: "conda",
    name,
    conda: options.conda ?? [],
    pip: options.pip ?? [],
    channels: options.channels ?? [],
    ...(options.python ? { python: options.python } : {}),
    ...(options.docker ? { docker: options.docker } : {}),
    ...(options.variables ? { variables: options.variables } : {}),
    location: captureSourceLocation(),
  }),
  /** A Docker image that already holds every dependency. */
  docker: (name: string, image: DockerImage & { readonly interpreterPath?: string }): Environment => ({
    kind: "docker",
    name,
    docker: { baseImage: image.baseImage },
    ...(image.interpreterPath ? { interpreterPath: image.interpreterPath } : {}),
    location: captureSourceLocation(),
  }),
  /** User-managed dependencies: the interpreter at `interpreterPath` is used as it is. */
  userManaged: (name: string, interpreterPath: string): Environment => ({
    kind: "user_managed",
    name,
    interpreterPath,
    location: captureSourceLocation(),
  }),
};
