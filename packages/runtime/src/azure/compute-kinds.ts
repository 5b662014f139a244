import type { ComputeKind } from "@amlpipe/compiler";
import { ARM_COMPUTE_KINDS } from "./arm-compute-kinds.js";

/** IR compute kind of an ARM `computeType` (AKS counts as Kubernetes). */
export function kindOfComputeType(computeType: string | undefined): ComputeKind {
  if (computeType === "AKS") return "kubernetes";
  const entry = Object.entries(ARM_COMPUTE_KINDS).find(
    ([, kind]) => "computeType" in kind && kind.computeType === computeType,
  );
  return (entry?.[0] as ComputeKind | undefined) ?? "unknown";
}

/** ARM `datastoreType` of each IR datastore kind the live checks can compare. */
export const ARM_DATASTORE_TYPE: Partial<Record<string, string>> = {
  azure_blob: "AzureBlob",
  azure_file: "AzureFile",
  adls_gen1: "AzureDataLakeGen1",
  adls_gen2: "AzureDataLakeGen2",
};
