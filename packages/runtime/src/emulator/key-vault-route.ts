import type { ServerResponse } from "node:http";
import { armError, send } from "./arm-http.js";

const ROUTE = /^\/keyvault\/([^/]+)\/secrets\/([^/]+)(?:\/([^/]*))?\/?$/;

/** Whether a request is for the emulator's Key Vault (`/keyvault/<vault>/secrets/<name>`). */
export function isKeyVaultRequest(pathname: string): boolean {
  return ROUTE.test(pathname);
}

/**
 * A Key Vault stand-in for the secrets a pipeline's computes reference: Get Secret. Unlike Key Vault
 * it does not answer a first request with the 401 sign-in challenge: `@azure/keyvault-secrets` refuses
 * to follow a challenge over plain HTTP, which the emulator speaks. Secrets come from the seed and are
 * kept in memory only.
 */
export function keyVaultRoute(
  res: ServerResponse,
  url: URL,
  vaults: Readonly<Record<string, Readonly<Record<string, string>>>>,
): undefined {
  const [, vault = "", name = ""] = ROUTE.exec(url.pathname) ?? [];
  const value = vaults[vault]?.[name];
  if (value === undefined)
    return armError(
      res,
      404,
      "SecretNotFound",
      `A secret with (name/id) ${name} was not found in this key vault.`,
    );
  send(res, 200, { value, id: `${url.origin}/secrets/${name}/1`, attributes: { enabled: true } });
}
