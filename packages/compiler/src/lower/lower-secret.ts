import type { Secret } from "@amlpipe/dsl";
import type { SecretRefIR } from "../ir/secret.js";

/**
 * A DSL secret as an IR reference. A plain string where a secret belongs (possible from untyped JS)
 * becomes an `inline` reference that keeps only the value's length, so rule AP500 can point at it
 * without the value ever entering the IR.
 */
export function lowerSecret(value: Secret | string): SecretRefIR {
  if (typeof value === "string") return { kind: "inline", length: value.length };
  if (value.kind === "env") return { kind: "env", name: value.name };
  return { kind: "keyvault", vault: value.vault, secretName: value.secretName };
}
