import type { SecretRefIR } from "./secret.js";
import type { SourcePosition } from "./source-position.js";

/** Every compute target kind amlpipe knows, from the Azure ML compute-target documentation. */
export type ComputeKind =
  | "local"
  | "aml_cluster"
  | "compute_instance"
  | "remote_vm"
  | "hdinsight"
  | "synapse_spark"
  | "azure_batch"
  | "databricks"
  | "adla"
  | "data_factory"
  | "kubernetes"
  | "aci"
  /** A compute a YAML pipeline names but whose kind no attach spec tells. */
  | "unknown";

interface ComputeBase {
  /** Attached compute name in the workspace (what steps' `compute:` keys name). */
  readonly name: string;
  readonly source: SourcePosition;
  readonly description?: string;
}

/** The machine amlpipe runs on (local backend), or the v1 `local` target. */
export interface LocalComputeIR extends ComputeBase {
  readonly kind: "local";
}
/** An Azure ML managed compute cluster. */
export interface AmlClusterComputeIR extends ComputeBase {
  readonly kind: "aml_cluster";
  readonly vmSize?: string;
  readonly vmPriority?: "dedicated" | "low_priority";
  readonly minNodes?: number;
  readonly maxNodes?: number;
  readonly idleSecondsBeforeScaledown?: number;
}
/** An Azure ML compute instance. */
export interface ComputeInstanceIR extends ComputeBase {
  readonly kind: "compute_instance";
  readonly vmSize?: string;
}
/** SSH credentials shared by remote VM and HDInsight attachments. */
export interface SshAccessIR {
  readonly sshPort: number;
  readonly username: string;
  readonly password?: SecretRefIR;
  readonly privateKey?: SecretRefIR;
  readonly privateKeyPassphrase?: SecretRefIR;
  readonly publicKey?: string;
}
/** A remote VM / DSVM attached by resource id (Ubuntu, public IP). */
export interface RemoteVmComputeIR extends ComputeBase, SshAccessIR {
  readonly kind: "remote_vm";
  /** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<vm>` */
  readonly resourceId: string;
}
/** An HDInsight cluster attached by resource id; steps on it run with framework `pyspark`. */
export interface HdInsightComputeIR extends ComputeBase, SshAccessIR {
  readonly kind: "hdinsight";
  /** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.HDInsight/clusters/<cluster>` */
  readonly resourceId: string;
}
/** A Synapse Spark pool attached to the workspace. */
export interface SynapseSparkComputeIR extends ComputeBase {
  readonly kind: "synapse_spark";
  /** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Synapse/workspaces/<ws>/bigDataPools/<pool>` */
  readonly resourceId: string;
  readonly sparkVersion?: string;
  readonly nodeSize?: string;
  readonly nodeCount?: number;
}
/** An Azure Batch account. */
export interface AzureBatchComputeIR extends ComputeBase {
  readonly kind: "azure_batch";
  readonly accountName: string;
  readonly resourceGroup: string;
  readonly subscriptionId?: string;
}
/** An Azure Databricks workspace (usable only inside pipelines). */
export interface DatabricksComputeIR extends ComputeBase {
  readonly kind: "databricks";
  readonly workspaceName: string;
  readonly resourceGroup: string;
  readonly subscriptionId?: string;
  readonly accessToken: SecretRefIR;
}
/** An Azure Data Lake Analytics account. */
export interface AdlaComputeIR extends ComputeBase {
  readonly kind: "adla";
  readonly accountName: string;
  readonly resourceGroup: string;
  readonly subscriptionId?: string;
  /**
   * Name of the workspace datastore that points at the account's default Data Lake Store. Every
   * AdlaStep input and output must live there (rule AP301).
   */
  readonly defaultDatastore: string;
}
/** An Azure Data Factory, the compute DataTransferStep runs on. */
export interface DataFactoryComputeIR extends ComputeBase {
  readonly kind: "data_factory";
  readonly resourceGroup?: string;
  readonly factoryName?: string;
  readonly resourceId?: string;
}
/** An AKS or Arc-enabled Kubernetes cluster attached for training. */
export interface KubernetesComputeIR extends ComputeBase {
  readonly kind: "kubernetes";
  readonly flavour: "aks" | "arc";
  readonly resourceId: string;
  readonly namespace?: string;
}
/** Azure Container Instances: inference only, never a training target, cannot be attached. */
export interface AciComputeIR extends ComputeBase {
  readonly kind: "aci";
}
/** A compute named by a YAML pipeline with no attach spec beside it. */
export interface UnknownComputeIR extends ComputeBase {
  readonly kind: "unknown";
}

/** A compute target, discriminated by `kind`. */
export type ComputeIR =
  | LocalComputeIR
  | AmlClusterComputeIR
  | ComputeInstanceIR
  | RemoteVmComputeIR
  | HdInsightComputeIR
  | SynapseSparkComputeIR
  | AzureBatchComputeIR
  | DatabricksComputeIR
  | AdlaComputeIR
  | DataFactoryComputeIR
  | KubernetesComputeIR
  | AciComputeIR
  | UnknownComputeIR;
