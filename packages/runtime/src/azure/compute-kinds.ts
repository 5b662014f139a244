import type { ComputeKind } from "@amlpipe/compiler";

/** ARM `computeType` of each attachable IR compute kind. */
export const ARM_COMPUTE_TYPE: Partial<Record<ComputeKind, string>> = {
  aml_cluster: "AmlCompute",
  compute_instance: "ComputeInstance",
  remote_vm: "VirtualMachine",
  hdinsight: "HDInsight",
  synapse_spark: "SynapseSpark",
  databricks: "Databricks",
  adla: "DataLakeAnalytics",
  data_factory: "DataFactory",
  kubernetes: "Kubernetes",
};

/** IR compute kind of an ARM `computeType` (AKS counts as Kubernetes). */
export function kindOfComputeType(computeType: string | undefined): ComputeKind {
  if (computeType === "AKS") return "kubernetes";
  const entry = Object.entries(ARM_COMPUTE_TYPE).find(([, type]) => type === computeType);
  return (entry?.[0] as ComputeKind | undefined) ?? "unknown";
}

/** ARM `datastoreType` of each IR datastore kind the live checks can compare. */
export const ARM_DATASTORE_TYPE: Partial<Record<string, string>> = {
  azure_blob: "AzureBlob",
  azure_file: "AzureFile",
  adls_gen1: "AzureDataLakeGen1",
  adls_gen2: "AzureDataLakeGen2",
};
