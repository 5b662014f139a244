declare const SECRET_BRAND: unique symbol;

/**
 * A reference to a secret: never its value. Passwords, keys and tokens in the DSL only accept this
 * type, so a plain string where a secret belongs does not type-check.
 */
export type Secret =
  | { readonly kind: "env"; readonly name: string; readonly [SECRET_BRAND]: true }
  | {
      readonly kind: "keyvault";
      readonly vault: string;
      readonly secretName: string;
      readonly [SECRET_BRAND]: true;
    };

/** Secret constructors. */
export const secret = {
  /** A secret read from the environment variable `name` at attach time (e.g. a CI secret). */
  env(name: string): Secret {
    return { kind: "env", name } as Secret;
  },
  /** A secret stored in Azure Key Vault `vault` under `secretName`. */
  keyVault(vault: string, secretName: string): Secret {
    return { kind: "keyvault", vault, secretName } as Secret;
  },
};
