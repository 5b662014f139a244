import type { SshAccessIR } from "../../ir/compute.js";
import { described, int, nonEmpty, str } from "../../schema/definitions/common.js";
import { secretRefSchema } from "../../schema/definitions/secret-ref.js";
import { allOf } from "../steps/step-kind.js";
import { type ComputeKindDef, resourceIdShape, type SecretKeys } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** The attach spec keys of SSH access (remote VM and HDInsight). */
export const SSH_SPEC_KEYS = {
  resource_id: shared.resource_id,
  ssh_port: described("the SSH port of the machine (22 when unset)", int),
  username: described("the SSH user name", nonEmpty),
  password: described(
    "the SSH password, as a reference only: { env: NAME } or { key_vault: { vault, secret } }",
    secretRefSchema,
  ),
  private_key: described(
    "the SSH private key, as a reference only (instead of, or besides, a password)",
    secretRefSchema,
  ),
  private_key_passphrase: described("the passphrase of private_key, as a reference only", secretRefSchema),
  public_key: described("the SSH public key matching private_key", str),
} as const;

/** The secret fields of SSH access: every one of them (allOf). */
const SSH_SECRETS = allOf<SecretKeys<SshAccessIR>>()("password", "privateKey", "privateKeyPassphrase");

/**
 * The definition of a compute kind attached by resource id over SSH (remote VM, HDInsight): the two
 * differ only in their provider path, factory, summary and colour.
 */
export function sshComputeKind<K extends "remote_vm" | "hdinsight">(parts: {
  readonly kind: K;
  readonly summary: string;
  readonly factory: "remoteVm" | "hdInsight";
  readonly provider: readonly [pattern: string, example: string];
  readonly colour: string;
}): ComputeKindDef<K> {
  return {
    kind: parts.kind,
    summary: parts.summary,
    factory: parts.factory,
    specKeys: SSH_SPEC_KEYS,
    requiredSpecKeys: ["resource_id", "ssh_port", "username"],
    secretFields: SSH_SECRETS as unknown as ComputeKindDef<K>["secretFields"],
    defaults: { sshPort: 22 } as ComputeKindDef<K>["defaults"],
    resourceIdShape: resourceIdShape(...parts.provider),
    armResourceId: (c) => (c as SshAccessIR & { readonly resourceId: string }).resourceId,
    colour: parts.colour,
  };
}
