/**
 * A reference to a secret, never its value. Compiled files, logs and errors only ever carry this
 * reference; the runtime resolves it at the last moment (attach time).
 */
export type SecretRefIR =
  | { readonly kind: "env"; readonly name: string }
  | { readonly kind: "keyvault"; readonly vault: string; readonly secretName: string }
  /**
   * A value written inline where a secret belongs (only possible from YAML or untyped JS). The value
   * itself is never kept: only its length and where it was, so rule AP501 can point at it.
   */
  | { readonly kind: "inline"; readonly length: number };
