import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

/** Which workspace to talk to, and through which endpoint. */
export interface WorkspaceTarget {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
  /** Another ARM endpoint (e.g. `amlpipe emulator`'s URL); no Azure credential is needed then. */
  readonly endpoint?: string;
}

/** A credential for the emulator, which accepts any token. */
const emulatorCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: "amlpipe-emulator",
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

/**
 * The real Azure ML management client. Against Azure it signs in with `DefaultAzureCredential`
 * (service principal variables, workload identity / GitHub OIDC, Azure CLI login). With `endpoint`
 * it talks plain HTTP to that endpoint: the bearer-token policy (which refuses `http://`) is removed
 * and insecure connections allowed, which is how the emulator is reached.
 */
export async function createAmlClient(
  target: WorkspaceTarget,
  retry: { maxRetries?: number; retryDelayInMs?: number } = {},
): Promise<AzureMachineLearningWorkspaces> {
  // Loaded on first use: commands that never talk to Azure do not pay for the SDK at start-up.
  const { AzureMachineLearningWorkspaces } = await import("@azure/arm-machinelearning");
  const retryOptions = {
    maxRetries: retry.maxRetries ?? 4,
    retryDelayInMs: retry.retryDelayInMs ?? 800,
    maxRetryDelayInMs: 30_000,
  };
  if (target.endpoint) {
    const client = new AzureMachineLearningWorkspaces(emulatorCredential, target.subscriptionId, {
      endpoint: target.endpoint,
      allowInsecureConnection: true,
      retryOptions,
    });
    client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
    return client;
  }
  const { DefaultAzureCredential } = await import("@azure/identity");
  return new AzureMachineLearningWorkspaces(new DefaultAzureCredential(), target.subscriptionId, {
    retryOptions,
  });
}
