import { described, nonEmpty } from "./common.js";

/** A secret as a reference only: `{ env: NAME }` or `{ key_vault: { vault, secret } }`. */
export const secretRefSchema = {
  oneOf: [
    {
      type: "object",
      required: ["env"],
      additionalProperties: false,
      properties: { env: described("the environment variable that holds the secret at submit", nonEmpty) },
    },
    {
      type: "object",
      required: ["key_vault"],
      additionalProperties: false,
      properties: {
        key_vault: {
          description: "a Key Vault secret amlpipe reads at submit",
          type: "object",
          required: ["vault", "secret"],
          additionalProperties: false,
          properties: {
            vault: described("the Key Vault's name", nonEmpty),
            secret: described("the secret's name in the vault", nonEmpty),
          },
        },
      },
    },
  ],
} as const;
