import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

/** Which workspace to talk to, and through which endpoint. */
export interface WorkspaceTarget {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
  /** `amlpipe emulator`'s URL: plain HTTP, no sign-in; blobs go through it too. */
  readonly emulator?: string;
  /**
   * The ARM endpoint of another cloud (e.g. `https://management.chinacloudapi.cn`): signs in as for
   * Azure, asking for tokens of that endpoint (`<endpoint>/.default`).
   */
  readonly armEndpoint?: string;
}

/** Retry settings of the clients (the SDK's exponential retry policy). */
export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
}

/** A credential for the emulator, which accepts any token. */
const emulatorCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: "amlpipe-emulator",
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

/** The credential of a target: the emulator's stand-in, or `DefaultAzureCredential`. */
export async function credentialFor(target: WorkspaceTarget): Promise<TokenCredential> {
  if (target.emulator) return emulatorCredential;
  const { DefaultAzureCredential } = await import("@azure/identity");
  return new DefaultAzureCredential();
}

/** The ARM endpoint a target talks to. */
export function armEndpointOf(target: WorkspaceTarget): string {
  return (target.emulator ?? target.armEndpoint ?? "https://management.azure.com").replace(/\/+$/, "");
}

/**
 * The real Azure ML management client. Against Azure it signs in with `DefaultAzureCredential`
 * (service principal variables, workload identity / GitHub OIDC, Azure CLI login), for
 * `management.azure.com` or the `armEndpoint` of another cloud. With `emulator` it talks plain HTTP:
 * the bearer-token policy (which refuses `http://`) is removed and insecure connections allowed.
 */
export async function createAmlClient(
  target: WorkspaceTarget,
  retry: RetrySettings = {},
): Promise<AzureMachineLearningWorkspaces> {
  // Loaded on first use: commands that never talk to Azure do not pay for the SDK at start-up.
  const { AzureMachineLearningWorkspaces } = await import("@azure/arm-machinelearning");
  const retryOptions = {
    maxRetries: retry.maxRetries ?? 4,
    retryDelayInMs: retry.retryDelayInMs ?? 800,
    maxRetryDelayInMs: 30_000,
  };
  const endpoint = armEndpointOf(target);
  if (target.emulator) {
    const client = new AzureMachineLearningWorkspaces(emulatorCredential, target.subscriptionId, {
      endpoint,
      allowInsecureConnection: true,
      retryOptions,
    });
    client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
    return client;
  }
  return new AzureMachineLearningWorkspaces(await credentialFor(target), target.subscriptionId, {
    endpoint,
    credentialScopes: [`${endpoint}/.default`],
    retryOptions,
  });
}
