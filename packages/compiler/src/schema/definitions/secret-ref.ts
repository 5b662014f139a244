import { nonEmpty } from "./common.js";

/** A secret as a reference only: `{ env: NAME }` or `{ key_vault: { vault, secret } }`. */
export const secretRefSchema = {
  oneOf: [
    { type: "object", required: ["env"], additionalProperties: false, properties: { env: nonEmpty } },
    {
      type: "object",
      required: ["key_vault"],
      additionalProperties: false,
      properties: {
        key_vault: {
          type: "object",
          required: ["vault", "secret"],
          additionalProperties: false,
          properties: { vault: nonEmpty, secret: nonEmpty },
        },
      },
    },
  ],
} as const;
