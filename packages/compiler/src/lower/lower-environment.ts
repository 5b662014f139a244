import type { Environment } from "@amlpipe/dsl";
import type { EnvironmentIR } from "../ir/environment.js";
import type { LowerContext } from "./lower-context.js";

/** A DSL environment as an IR environment. */
export function lowerEnvironment(env: Environment, context: LowerContext): EnvironmentIR {
  const base = {
    name: env.name,
    source: context.position(env.location),
    ...(env.variables ? { environmentVariables: env.variables } : {}),
  };
  switch (env.kind) {
    case "curated":
      return { ...base, kind: "curated" };
    case "conda":
      return {
        ...base,
        kind: "conda",
        ...(env.python ? { pythonVersion: env.python } : {}),
        condaPackages: env.conda,
        pipPackages: env.pip,
        channels: env.channels,
        ...(env.docker ? { docker: { baseImage: env.docker.baseImage } } : {}),
      };
    case "docker":
      return {
        ...base,
        kind: "docker",
        docker: { baseImage: env.docker.baseImage },
        ...(env.interpreterPath ? { interpreterPath: env.interpreterPath } : {}),
      };
    case "user_managed":
      return { ...base, kind: "user_managed", interpreterPath: env.interpreterPath };
  }
}
