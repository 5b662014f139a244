import type { Datastore } from "./datastore.js";
import type { Secret } from "./secret.js";
import { captureSourceLocation, type SourceLocation } from "./source-location.js";

/** SSH access for remote VM and HDInsight attachments. Passwords and keys are Secrets only. */
export interface SshOptions {
  /** @default 22 */
  readonly sshPort?: number;
  readonly username: string;
  readonly password?: Secret;
  readonly privateKey?: Secret;
  readonly privateKeyPassphrase?: Secret;
  readonly publicKey?: string;
}

/** Settings of each compute kind (what its attach spec holds). */
export interface ComputeSettings {
  readonly local: Record<string, never>;
  readonly aml_cluster: {
    readonly vmSize?: string;
    readonly vmPriority?: "dedicated" | "low_priority";
    readonly minNodes?: number;
    readonly maxNodes?: number;
    readonly idleSecondsBeforeScaledown?: number;
  };
  readonly compute_instance: { readonly vmSize?: string };
  readonly remote_vm: SshOptions & { readonly resourceId: string };
  readonly hdinsight: SshOptions & { readonly resourceId: string };
  readonly synapse_spark: {
    readonly resourceId: string;
    readonly sparkVersion?: string;
    readonly nodeSize?: string;
    readonly nodeCount?: number;
  };
  readonly azure_batch: {
    readonly accountName: string;
    readonly resourceGroup: string;
    readonly subscriptionId?: string;
  };
  readonly databricks: {
    readonly workspaceName: string;
    readonly resourceGroup: string;
    readonly subscriptionId?: string;
    readonly accessToken: Secret;
  };
  readonly adla: {
    readonly accountName: string;
    readonly resourceGroup: string;
    readonly subscriptionId?: string;
    /** The workspace datastore pointing at the account's default Data Lake Store. */
    readonly defaultDatastore: Datastore;
  };
  readonly data_factory: {
    readonly resourceGroup?: string;
    readonly factoryName?: string;
    readonly resourceId?: string;
  };
  readonly kubernetes: {
    readonly flavour: "aks" | "arc";
    readonly resourceId: string;
    readonly namespace?: string;
  };
  readonly aci: Record<string, never>;
}

/** Every compute kind the DSL can declare. */
export type ComputeKind = keyof ComputeSettings;

/** Compute kinds a training step may run on: everything but ACI (inference only). */
export type TrainingComputeKind = Exclude<ComputeKind, "aci">;

/** A compute target of kind `K`, by its attached name. Steps accept only the kinds they can run on. */
export interface Compute<K extends ComputeKind = ComputeKind> {
  readonly kind: K;
  readonly name: string;
  /** Its attach settings; empty for a compute that already exists (`existing`). */
  readonly settings: ComputeSettings[K];
  readonly description?: string;
  readonly location: SourceLocation;
  /** True for `compute.existing(...)`: attached in the workspace already, so nothing is attached. */
  readonly existing?: true;
}

function make<K extends ComputeKind>(kind: K, name: string, settings: ComputeSettings[K]): Compute<K> {
  return { kind, name, settings, location: captureSourceLocation() };
}

/** Compute target constructors, one per kind of the Azure ML compute-target documentation. */
export const compute = {
  /** This machine (amlpipe's local backend; the v1 `local` target). */
  local: (name = "local"): Compute<"local"> => make("local", name, {}),
  /** An Azure ML compute cluster. */
  amlCluster: (name: string, settings: ComputeSettings["aml_cluster"] = {}): Compute<"aml_cluster"> =>
    make("aml_cluster", name, settings),
  /** An Azure ML compute instance. */
  computeInstance: (
    name: string,
    settings: ComputeSettings["compute_instance"] = {},
  ): Compute<"compute_instance"> => make("compute_instance", name, settings),
  /** A remote VM / DSVM (Ubuntu, public IP) attached by resource id. */
  remoteVm: (name: string, settings: ComputeSettings["remote_vm"]): Compute<"remote_vm"> =>
    make("remote_vm", name, settings),
  /** An HDInsight cluster attached by resource id. */
  hdInsight: (name: string, settings: ComputeSettings["hdinsight"]): Compute<"hdinsight"> =>
    make("hdinsight", name, settings),
  /** A Synapse Spark pool. */
  synapseSpark: (name: string, settings: ComputeSettings["synapse_spark"]): Compute<"synapse_spark"> =>
    make("synapse_spark", name, settings),
  /** An Azure Batch account (for AzureBatchStep). */
  azureBatch: (name: string, settings: ComputeSettings["azure_batch"]): Compute<"azure_batch"> =>
    make("azure_batch", name, settings),
  /** An Azure Databricks workspace (for DatabricksStep; usable only inside pipelines). */
  databricks: (name: string, settings: ComputeSettings["databricks"]): Compute<"databricks"> =>
    make("databricks", name, settings),
  /** An Azure Data Lake Analytics account (for AdlaStep). */
  adla: (name: string, settings: ComputeSettings["adla"]): Compute<"adla"> => make("adla", name, settings),
  /** An Azure Data Factory (for DataTransferStep). */
  dataFactory: (name: string, settings: ComputeSettings["data_factory"] = {}): Compute<"data_factory"> =>
    make("data_factory", name, settings),
  /** An AKS or Arc-enabled Kubernetes cluster. */
  kubernetes: (name: string, settings: ComputeSettings["kubernetes"]): Compute<"kubernetes"> =>
    make("kubernetes", name, settings),
  /** Azure Container Instances: inference only, accepted by no training step. */
  aci: (name: string): Compute<"aci"> => make("aci", name, {}),
  /**
   * A compute already attached in the workspace, by its name and kind: what most pipelines run on.
   * Nothing is attached and no secret is needed; the kind keeps the step rules (a DatabricksStep
   * still needs a Databricks compute), and `amlpipe submit` checks that the workspace has a compute
   * of that name and kind before it submits.
   *
   * @example compute.existing("gpu-cluster", "aml_cluster")
   */
  existing: <K extends TrainingComputeKind>(name: string, kind: K): Compute<K> => ({
    ...make(kind, name, {} as ComputeSettings[K]),
    existing: true,
  }),
};
