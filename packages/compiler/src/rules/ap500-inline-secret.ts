import { diagnostic } from "../diagnostics/diagnostic.js";
import type { SecretRefIR } from "../ir/secret.js";
import { DATABRICKS } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP500: a password, key or token written inline. Only its place is reported, never its value. */
export const inlineSecretRule: Rule = {
  code: "AP500",
  examples: {
    fires: [
      {
        what: "a Databricks token written inline",
        line: 9,
        mutate: (ir) => ({
          ...ir,
          computes: [...ir.computes, { ...DATABRICKS, accessToken: { kind: "inline", length: 36 } }],
        }),
      },
    ],
    passes: [
      {
        what: "a Databricks token from the environment",
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, DATABRICKS] }),
      },
    ],
  },
  check(ir) {
    return ir.computes.flatMap((c) =>
      Object.entries(c).flatMap(([field, value]) =>
        typeof value === "object" && value !== null && (value as SecretRefIR).kind === "inline"
          ? [
              diagnostic(
                "AP500",
                `compute "${c.name}" has its ${field} written inline; secrets must not be written in pipeline code or files`,
                {
                  at: c.source,
                  hint: 'use secret.env("NAME") (read at attach time) or secret.keyVault(vault, name)',
                },
              ),
            ]
          : [],
      ),
    );
  },
};
