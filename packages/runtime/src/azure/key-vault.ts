import type { PipelineIR, SecretRefIR } from "@amlpipe/compiler";
import type { TokenCredential } from "@azure/core-auth";
import { armEndpointOf, type WorkspaceTarget } from "./create-client.js";

/** The key under which a resolved Key Vault secret is handed to attach (never an environment variable name). */
export function vaultKey(ref: Extract<SecretRefIR, { kind: "keyvault" }>): string {
  return `keyvault:${ref.vault}/${ref.secretName}`;
}

/** The Key Vault DNS suffix of the cloud an ARM endpoint belongs to. */
export function vaultSuffix(armEndpoint: string): string {
  if (armEndpoint.includes("chinacloudapi.cn")) return "vault.azure.cn";
  if (armEndpoint.includes("usgovcloudapi.net")) return "vault.usgovcloudapi.net";
  return "vault.azure.net";
}

/** Every Key Vault reference of the computes to attach. */
function vaultRefs(ir: PipelineIR): Extract<SecretRefIR, { kind: "keyvault" }>[] {
  const refs: Extract<SecretRefIR, { kind: "keyvault" }>[] = [];
  const walk = (value: unknown) => {
    if (value === null || typeof value !== "object") return;
    const v = value as Record<string, unknown>;
    if (v.kind === "keyvault" && typeof v.vault === "string" && typeof v.secretName === "string")
      refs.push(v as Extract<SecretRefIR, { kind: "keyvault" }>);
    else for (const child of Object.values(v)) walk(child);
  };
  for (const compute of ir.computes) walk(compute);
  return refs;
}

/**
 * Reads the Key Vault secrets the computes reference, with the submit's credential
 * (`@azure/keyvault-secrets`; the identity needs "Key Vault Secrets User"). Against the emulator the
 * vault is the emulator's own `/keyvault/<vault>` route. Values live only in the returned map.
 */
export async function resolveVaultSecrets(
  ir: PipelineIR,
  target: WorkspaceTarget,
  credential: () => Promise<TokenCredential>,
): Promise<Record<string, string>> {
  const refs = vaultRefs(ir);
  if (refs.length === 0) return {};
  const { SecretClient } = await import("@azure/keyvault-secrets");
  const values: Record<string, string> = {};
  // One client per vault: several secrets of one vault share its sign-in.
  const clients = new Map<string, InstanceType<typeof SecretClient>>();
  for (const ref of refs) {
    const url = target.emulator
      ? `${target.emulator.replace(/\/+$/, "")}/keyvault/${ref.vault}`
      : `https://${ref.vault}.${vaultSuffix(armEndpointOf(target))}`;
    let client = clients.get(url);
    if (!client) {
      client = new SecretClient(url, await credential(), {
        ...(target.emulator
          ? { allowInsecureConnection: true, disableChallengeResourceVerification: true }
          : {}),
      });
      clients.set(url, client);
    }
    const secret = await client.getSecret(ref.secretName);
    if (secret.value !== undefined) values[vaultKey(ref)] = secret.value;
  }
  return values;
}
