import type { BindMode, DataReferenceIR } from "../ir/data-reference.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { pathFromOutput } from "../names/project-paths.js";

/** The v2 pipeline job schema URL that `az ml job create` reads from `$schema`. */
export const PIPELINE_JOB_SCHEMA = "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json";

/** Default image for environments that name none (the Azure ML base image). */
export const DEFAULT_IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest";

/** `azureml://datastores/<name>/paths/<path>`: a datastore path as a v2 URI. */
export function datastoreUri(datastore: string, path: string): string {
  return `azureml://datastores/${datastore}/paths/${path.replace(/^\/+/, "")}`;
}

/** A path that names a file (it has an extension) is a `uri_file`; anything else a `uri_folder`. */
export function uriType(path: string): "uri_file" | "uri_folder" {
  return /\.[A-Za-z0-9]{1,8}$/.test(path) && !path.endsWith("/") ? "uri_file" : "uri_folder";
}

/**
 * A data reference as a v2 data value `{type, path}`: a datastore URI, a registered asset
 * (`azureml:NAME@latest`), or a local path relative to the v2 file (`outputToRoot` leads from its
 * folder to the root). Undefined for SQL, which v2 cannot read.
 */
export function referenceData(
  reference: DataReferenceIR,
  outputToRoot: string,
): { type: string; path: string } | undefined {
  switch (reference.kind) {
    case "datastore_path":
      return {
        type: reference.dataType ?? uriType(reference.pathOnDatastore),
        path: datastoreUri(reference.datastore, reference.pathOnDatastore),
      };
    case "dataset":
      return {
        type: reference.dataType ?? "uri_folder",
        path: `azureml:${reference.datasetName ?? reference.datasetId}@latest`,
      };
    case "local_path": {
      const path = pathFromOutput(outputToRoot, reference.path);
      return {
        type: reference.dataType ?? uriType(reference.path),
        path: path.startsWith(".") || path.startsWith("/") ? path : `./${path}`,
      };
    }
    case "sql":
      return undefined;
  }
}

/** v1 bind modes as v2 input/output modes. */
export function inputMode(mode: Exclude<BindMode, "upload"> | undefined): "ro_mount" | "download" {
  return mode === "download" ? "download" : "ro_mount";
}
/** v1 output bind modes as v2 modes. */
export function outputMode(mode: Exclude<BindMode, "download"> | undefined): "rw_mount" | "upload" {
  return mode === "upload" ? "upload" : "rw_mount";
}

/** A v1 environment as a v2 job environment: a curated reference, or an inline definition. */
export function environmentValue(
  environment: EnvironmentIR | undefined,
): string | Record<string, unknown> | undefined {
  if (!environment) return undefined;
  switch (environment.kind) {
    case "curated":
      return `azureml:${environment.name}@latest`;
    case "conda":
      return {
        image: environment.docker?.baseImage ?? DEFAULT_IMAGE,
        conda_file: {
          name: environment.name,
          ...(environment.channels.length > 0 ? { channels: [...environment.channels] } : {}),
          dependencies: [
            ...(environment.pythonVersion ? [`python=${environment.pythonVersion}`] : []),
            ...environment.condaPackages,
            ...(environment.pipPackages.length > 0 ? ["pip", { pip: [...environment.pipPackages] }] : []),
          ],
        },
      };
    case "docker":
      // The name keeps the environment's identity across v1 and v2 (azure-ai-ml takes it inline).
      return { name: environment.name, image: environment.docker.baseImage };
    case "user_managed":
      return { image: DEFAULT_IMAGE };
  }
}

/** `azureml:<compute>` for a step's compute, unless it is the local machine. */
export function computeValue(ir: PipelineIR, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const compute = ir.computes.find((c) => c.name === name);
  return compute?.kind === "local" ? "local" : `azureml:${name}`;
}
