import type { ComputeIR, ResourceScope, SecretRefIR } from "@amlpipe/compiler";
import type { ComputeResource } from "@azure/arm-machinelearning";
import { ARM_COMPUTE_KINDS, type ArmComputeKind } from "./arm-compute-kinds.js";
import { vaultKey } from "./key-vault.js";

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
  if (ref.kind === "keyvault") {
    // Read from the vault before attach (key-vault.ts) and handed over under this key.
    const value = env[vaultKey(ref)];
    return value === undefined
      ? { error: `Key Vault secret ${ref.vault}/${ref.secretName} was not read` }
      : { value };
  }
  return { error: "the secret was written inline (AP500)" };
}

/**
 * The ARM attach body of an IR compute (`ComputeResource.properties`, discriminated by `computeType`),
 * from its kind's entry in `ARM_COMPUTE_KINDS`; a kind that cannot be attached is refused, plainly.
 */
export function computeBody(
  c: ComputeIR,
  scope: ResourceScope,
  env: Readonly<Record<string, string | undefined>>,
): ComputeBody {
  const kind = ARM_COMPUTE_KINDS[c.kind] as ArmComputeKind<ComputeIR["kind"]>;
  if ("refused" in kind) return { refused: kind.refused };
  const secret = (ref: SecretRefIR | undefined, what: string) => {
    const resolved = resolveSecret(ref, env);
    if (resolved.error) throw new Error(`compute "${c.name}" ${what}: ${resolved.error}`);
    return resolved.value;
  };
  try {
    const properties = kind.body(c as never, { scope, secret });
    const resourceId = (properties as { resourceId?: string }).resourceId;
    return { body: { properties }, ...(resourceId ? { resourceKey: resourceId.toLowerCase() } : {}) };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}
