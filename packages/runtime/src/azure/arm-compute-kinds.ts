import {
  armResourceIdOf,
  type ComputeIROf,
  type ComputeKind,
  type ResourceScope,
  type SecretRefIR,
} from "@amlpipe/compiler";
import type { ComputeResource } from "@azure/arm-machinelearning";

/** What attaching one compute needs: its resource's ARM id and its secrets, resolved. */
export interface AttachContext {
  readonly scope: ResourceScope;
  /** The compute's secret, resolved at the last moment; throws when it cannot be. */
  secret(ref: SecretRefIR | undefined, what: string): string | undefined;
}

/** How the Azure backend attaches one compute kind, or why it cannot. */
export type ArmComputeKind<K extends ComputeKind> =
  | {
      /** ARM `computeType` (`ComputeResource.properties.computeType`). */
      readonly computeType: string;
      /** ARM `properties` keys that carry secrets (never logged, never compared). */
      readonly secretProperties: readonly string[];
      /** `ComputeResource.properties` of the attach request. */
      body(c: ComputeIROf<K>, context: AttachContext): NonNullable<ComputeResource["properties"]>;
    }
  | { readonly refused: string };

const SSH_SECRETS = ["password", "privateKeyData", "privateKeyPassphrase"];

/** VM and HDInsight attach the same way: a resource id and an SSH administrator account. */
function sshBody(
  computeType: "VirtualMachine" | "HDInsight",
  c: ComputeIROf<"remote_vm" | "hdinsight">,
  context: AttachContext,
): NonNullable<ComputeResource["properties"]> {
  const account = {
    username: c.username,
    ...(c.password ? { password: context.secret(c.password, "password") } : {}),
    ...(c.privateKey ? { privateKeyData: context.secret(c.privateKey, "private key") } : {}),
    ...(c.publicKey ? { publicKeyData: c.publicKey } : {}),
  };
  return {
    computeType,
    resourceId: c.resourceId,
    properties: { sshPort: c.sshPort, administratorAccount: account },
  } as NonNullable<ComputeResource["properties"]>;
}

/** The resource id the compiler's definition gives the compute (the one AP304 compares). */
function resourceIdOf(c: Parameters<typeof armResourceIdOf>[0], context: AttachContext): string | undefined {
  return armResourceIdOf(c, context.scope);
}

/** {@link resourceIdOf} for kinds that always attach a resource (their settings name it). */
function requiredResourceId(c: Parameters<typeof armResourceIdOf>[0], context: AttachContext): string {
  const id = resourceIdOf(c, context);
  if (id === undefined) throw new Error(`compute "${c.name}" names no resource to attach`);
  return id;
}

/**
 * The Azure backend's part of every compute kind, keyed by kind: typed so that a kind without an
 * entry does not compile (the compiler's part is `@amlpipe/compiler`'s `COMPUTE_KINDS`).
 */
export const ARM_COMPUTE_KINDS: { readonly [K in ComputeKind]: ArmComputeKind<K> } = {
  local: { refused: "the local compute is this machine: it is never attached" },
  aml_cluster: {
    computeType: "AmlCompute",
    secretProperties: [],
    body: (c) => ({
      computeType: "AmlCompute",
      properties: {
        ...(c.vmSize ? { vmSize: c.vmSize } : {}),
        ...(c.vmPriority
          ? { vmPriority: c.vmPriority === "low_priority" ? "LowPriority" : "Dedicated" }
          : {}),
        scaleSettings: {
          minNodeCount: c.minNodes ?? 0,
          maxNodeCount: c.maxNodes ?? 1,
          ...(c.idleSecondsBeforeScaledown
            ? { nodeIdleTimeBeforeScaleDown: `PT${c.idleSecondsBeforeScaledown}S` }
            : {}),
        },
      },
    }),
  },
  compute_instance: {
    computeType: "ComputeInstance",
    secretProperties: [],
    body: (c) => ({
      computeType: "ComputeInstance",
      properties: { ...(c.vmSize ? { vmSize: c.vmSize } : {}) },
    }),
  },
  remote_vm: {
    computeType: "VirtualMachine",
    secretProperties: SSH_SECRETS,
    body: (c, context) => sshBody("VirtualMachine", c, context),
  },
  hdinsight: {
    computeType: "HDInsight",
    secretProperties: SSH_SECRETS,
    body: (c, context) => sshBody("HDInsight", c, context),
  },
  synapse_spark: {
    computeType: "SynapseSpark",
    secretProperties: [],
    body: (c) => ({ computeType: "SynapseSpark", resourceId: c.resourceId }),
  },
  azure_batch: {
    refused:
      "Azure Batch has no computeType in the Azure ML management API (2022-10-01); it could only be attached through the retired SDK v1 (BatchCompute). Attach it with SDK v1, or run the step as a command job on an AML cluster",
  },
  databricks: {
    computeType: "Databricks",
    secretProperties: ["databricksAccessToken"],
    body: (c, context) => ({
      computeType: "Databricks",
      resourceId: requiredResourceId(c, context),
      properties: { databricksAccessToken: context.secret(c.accessToken, "access token") ?? "" },
    }),
  },
  adla: {
    computeType: "DataLakeAnalytics",
    secretProperties: [],
    body: (c, context) => ({ computeType: "DataLakeAnalytics", resourceId: requiredResourceId(c, context) }),
  },
  data_factory: {
    computeType: "DataFactory",
    secretProperties: [],
    body: (c, context) => {
      const resourceId = resourceIdOf(c, context);
      return { computeType: "DataFactory", ...(resourceId ? { resourceId } : {}) };
    },
  },
  kubernetes: {
    computeType: "Kubernetes",
    secretProperties: [],
    body: (c) => ({
      computeType: "Kubernetes",
      resourceId: c.resourceId,
      properties: { ...(c.namespace ? { namespace: c.namespace } : {}) },
    }),
  },
  aci: {
    refused:
      "ACI cannot be attached: Azure ML creates it when a model is deployed, and it runs no pipeline steps",
  },
  unknown: { refused: "its kind is unknown (no computes/<name>.yaml spec): it must already be attached" },
};

/** Every ARM property name that carries a secret, over all kinds. */
export const ARM_SECRET_PROPERTIES: readonly string[] = [
  ...new Set(
    Object.values(ARM_COMPUTE_KINDS).flatMap((kind) =>
      "secretProperties" in kind ? kind.secretProperties : [],
    ),
  ),
];
