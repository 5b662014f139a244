import type { ComputeIR, SecretRefIR } from "@amlpipe/compiler";
import type { ComputeResource } from "@azure/arm-machinelearning";

/** Why a compute cannot be attached, or the ARM body that attaches it. */
export type ComputeBody =
  | { readonly body: ComputeResource; readonly resourceKey?: string }
  | { readonly refused: string };

/** Resolves a secret reference at the last moment (attach time). Never logged, never returned. */
export function resolveSecret(
  ref: SecretRefIR | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { value?: string; error?: string } {
  if (!ref) return {};
  if (ref.kind === "env") {
    const value = env[ref.name];
    return value === undefined || value === ""
      ? { error: `environment variable ${ref.name} is not set` }
      : { value };
  }
  if (ref.kind === "keyvault")
    return {
      error: `Key Vault secret ${ref.vault}/${ref.secretName}: reading Key Vault is not supported by this version; pass it through an environment variable (secret.env)`,
    };
  return { error: "the secret was written inline (AP500)" };
}

function armId(
  subscriptionId: string | undefined,
  fallbackSub: string,
  resourceGroup: string,
  provider: string,
  name: string,
): string {
  return `/subscriptions/${subscriptionId ?? fallbackSub}/resourceGroups/${resourceGroup}/providers/${provider}/${name}`;
}

/**
 * The ARM attach body of an IR compute (`ComputeResource.properties`, discriminated by `computeType`).
 * Azure Batch has no `computeType` in this API and ACI cannot be attached: those are refused, plainly.
 */
export function computeBody(
  c: ComputeIR,
  subscriptionId: string,
  env: Readonly<Record<string, string | undefined>>,
): ComputeBody {
  const secret = (ref: SecretRefIR | undefined, what: string) => {
    const resolved = resolveSecret(ref, env);
    if (resolved.error) throw new Error(`compute "${c.name}" ${what}: ${resolved.error}`);
    return resolved.value;
  };
  try {
    switch (c.kind) {
      case "aml_cluster":
        return {
          body: {
            properties: {
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
            },
          },
        };
      case "compute_instance":
        return {
          body: {
            properties: {
              computeType: "ComputeInstance",
              properties: { ...(c.vmSize ? { vmSize: c.vmSize } : {}) },
            },
          },
        };
      case "remote_vm":
      case "hdinsight": {
        const account = {
          username: c.username,
          ...(c.password ? { password: secret(c.password, "password") } : {}),
          ...(c.privateKey ? { privateKeyData: secret(c.privateKey, "private key") } : {}),
          ...(c.publicKey ? { publicKeyData: c.publicKey } : {}),
        };
        return {
          resourceKey: c.resourceId.toLowerCase(),
          body: {
            properties: {
              computeType: c.kind === "remote_vm" ? "VirtualMachine" : "HDInsight",
              resourceId: c.resourceId,
              properties: { sshPort: c.sshPort, administratorAccount: account },
            },
          },
        };
      }
      case "synapse_spark":
        return {
          resourceKey: c.resourceId.toLowerCase(),
          body: { properties: { computeType: "SynapseSpark", resourceId: c.resourceId } },
        };
      case "kubernetes":
        return {
          resourceKey: c.resourceId.toLowerCase(),
          body: {
            properties: {
              computeType: "Kubernetes",
              resourceId: c.resourceId,
              properties: { ...(c.namespace ? { namespace: c.namespace } : {}) },
            },
          },
        };
      case "databricks": {
        const resourceId = armId(
          c.subscriptionId,
          subscriptionId,
          c.resourceGroup,
          "Microsoft.Databricks/workspaces",
          c.workspaceName,
        );
        return {
          resourceKey: resourceId.toLowerCase(),
          body: {
            properties: {
              computeType: "Databricks",
              resourceId,
              properties: { databricksAccessToken: secret(c.accessToken, "access token") ?? "" },
            },
          },
        };
      }
      case "adla": {
        const resourceId = armId(
          c.subscriptionId,
          subscriptionId,
          c.resourceGroup,
          "Microsoft.DataLakeAnalytics/accounts",
          c.accountName,
        );
        return {
          resourceKey: resourceId.toLowerCase(),
          body: { properties: { computeType: "DataLakeAnalytics", resourceId } },
        };
      }
      case "data_factory": {
        const resourceId =
          c.resourceId ??
          (c.factoryName && c.resourceGroup
            ? armId(
                undefined,
                subscriptionId,
                c.resourceGroup,
                "Microsoft.DataFactory/factories",
                c.factoryName,
              )
            : undefined);
        return {
          ...(resourceId ? { resourceKey: resourceId.toLowerCase() } : {}),
          body: { properties: { computeType: "DataFactory", ...(resourceId ? { resourceId } : {}) } },
        };
      }
      case "azure_batch":
        return {
          refused:
            "Azure Batch has no computeType in the Azure ML management API (2022-10-01); it could only be attached through the retired SDK v1 (BatchCompute). Attach it with SDK v1, or run the step as a command job on an AML cluster",
        };
      case "aci":
        return {
          refused:
            "ACI cannot be attached: Azure ML creates it when a model is deployed, and it runs no pipeline steps",
        };
      case "local":
        return { refused: "the local compute is this machine: it is never attached" };
      case "unknown":
        return { refused: "its kind is unknown (no computes/<name>.yaml spec): it must already be attached" };
    }
  } catch (e) {
    return { refused: (e as Error).message };
  }
}
