import type {
  ComputeSettings,
  Datastore,
  ComputeKind as DslComputeKind,
  Secret,
  SshOptions,
} from "@amlpipe/dsl";
import type { SecretRefIR } from "./secret.js";
import type { SourcePosition } from "./source-position.js";

/** Every compute target kind amlpipe knows: the DSL's, and `unknown` for a compute no spec describes. */
export type ComputeKind = DslComputeKind | "unknown";

interface ComputeBase {
  /** Attached compute name in the workspace (what steps' `compute:` keys name). */
  readonly name: string;
  readonly source: SourcePosition;
  readonly description?: string;
}

/**
 * DSL compute settings as the IR holds them: secrets as references (never values), datastores by
 * name. Everything else is the setting as the user wrote it.
 */
type LoweredSettings<S> = string extends keyof S
  ? unknown // a kind without settings (`Record<string, never>`): nothing to lower
  : {
      readonly [P in keyof S]: NonNullable<S[P]> extends Secret
        ? SecretRefIR
        : NonNullable<S[P]> extends Datastore
          ? string
          : S[P];
    };

/** Settings the lowering always fills in (their DSL default), so the IR has them. */
interface FilledSettings {
  readonly remote_vm: { readonly sshPort: number };
  readonly hdinsight: { readonly sshPort: number };
}

/**
 * The IR of a compute of kind `K`: its name, position and the kind's DSL settings, lowered. A kind
 * added to the DSL's `ComputeSettings` has its IR here with no edit.
 */
export type ComputeIROfKind<K extends DslComputeKind> = ComputeBase & { readonly kind: K } & LoweredSettings<
    ComputeSettings[K]
  > &
  (K extends keyof FilledSettings ? FilledSettings[K] : unknown);

/** SSH credentials shared by remote VM and HDInsight attachments. */
export type SshAccessIR = Omit<LoweredSettings<SshOptions>, "sshPort"> & { readonly sshPort: number };
/** The machine amlpipe runs on (local backend), or the v1 `local` target. */
export type LocalComputeIR = ComputeIROfKind<"local">;
/** An Azure ML managed compute cluster. */
export type AmlClusterComputeIR = ComputeIROfKind<"aml_cluster">;
/** An Azure ML compute instance. */
export type ComputeInstanceIR = ComputeIROfKind<"compute_instance">;
/** A remote VM / DSVM attached by resource id (Ubuntu, public IP). */
export type RemoteVmComputeIR = ComputeIROfKind<"remote_vm">;
/** An HDInsight cluster attached by resource id; steps on it run with framework `pyspark`. */
export type HdInsightComputeIR = ComputeIROfKind<"hdinsight">;
/** A Synapse Spark pool attached to the workspace. */
export type SynapseSparkComputeIR = ComputeIROfKind<"synapse_spark">;
/** An Azure Batch account. */
export type AzureBatchComputeIR = ComputeIROfKind<"azure_batch">;
/** An Azure Databricks workspace (usable only inside pipelines). */
export type DatabricksComputeIR = ComputeIROfKind<"databricks">;
/**
 * An Azure Data Lake Analytics account. `defaultDatastore` names the workspace datastore that points
 * at the account's default Data Lake Store: every AdlaStep input and output must live there (AP301).
 */
export type AdlaComputeIR = ComputeIROfKind<"adla">;
/** An Azure Data Factory, the compute DataTransferStep runs on. */
export type DataFactoryComputeIR = ComputeIROfKind<"data_factory">;
/** An AKS or Arc-enabled Kubernetes cluster attached for training. */
export type KubernetesComputeIR = ComputeIROfKind<"kubernetes">;
/** Azure Container Instances: inference only, never a training target, cannot be attached. */
export type AciComputeIR = ComputeIROfKind<"aci">;
/** A compute named by a YAML pipeline with no attach spec beside it. */
export interface UnknownComputeIR extends ComputeBase {
  readonly kind: "unknown";
}

/**
 * A compute already attached in the workspace, referred to by its name and kind
 * (`compute.existing`): no settings and no secrets here, nothing to attach; the kind keeps step and
 * compute rules in force, and submit's live checks verify the workspace has it, of that kind.
 */
export interface ExistingComputeIR<K extends DslComputeKind = DslComputeKind> extends ComputeBase {
  readonly kind: K;
  readonly existing: true;
}

/** The IR of an attach spec (not of an existing compute). */
export type AttachedComputeIR = { readonly [K in DslComputeKind]: ComputeIROfKind<K> }[DslComputeKind];

/**
 * A compute target, discriminated by `kind`: one member per DSL compute kind, `unknown`, and computes
 * that already exist (`existing: true`, any kind but ACI).
 */
export type ComputeIR =
  | AttachedComputeIR
  | UnknownComputeIR
  | { readonly [K in Exclude<DslComputeKind, "aci">]: ExistingComputeIR<K> }[Exclude<DslComputeKind, "aci">];
