import type { SshAccessIR } from "../../ir/compute.js";
import { int, nonEmpty, str } from "../../schema/definitions/common.js";
import { secretRefSchema } from "../../schema/definitions/secret-ref.js";
import { allOf } from "../steps/step-kind.js";
import { type ComputeKindDef, resourceIdShape, type SecretKeys } from "./compute-kind.js";

/** The attach spec keys of SSH access (remote VM and HDInsight). */
export const SSH_SPEC_KEYS = {
  resource_id: nonEmpty,
  ssh_port: int,
  username: nonEmpty,
  password: secretRefSchema,
  private_key: secretRefSchema,
  private_key_passphrase: secretRefSchema,
  public_key: str,
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
