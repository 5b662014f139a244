import { diagnostic } from "../diagnostics/diagnostic.js";
import { looksLikeSecret as looksSecret, SECRET_NAME } from "../secrets/secret-patterns.js";
import { withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP501: secret-looking values in arguments or environment variables. The value is never printed. */
export const secretInArgumentsRule: Rule = {
  code: "AP501",
  examples: {
    fires: [
      {
        what: "a literal after --password",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { arguments: ["--password", "hunter2"] }),
      },
    ],
    passes: [
      {
        what: "--password followed by a parameter token, not a literal",
        mutate: (ir) => withStep(ir, "prep", { arguments: ["--password", { ref: "parameter", name: "lr" }] }),
      },
    ],
  },
  check(ir) {
    const findings = ir.steps.flatMap((step) =>
      step.arguments.flatMap((arg, index) => {
        const previous = step.arguments[index - 1];
        const named = typeof previous === "string" && SECRET_NAME.test(previous) && typeof arg === "string";
        return typeof arg === "string" && (looksSecret(arg) || named)
          ? [
              diagnostic(
                "AP501",
                `step "${step.key}" argument ${index + 1} looks like a secret${named ? ` (it follows "${previous}")` : ""}; arguments are stored and shown in plain text`,
                {
                  at: step.source,
                  hint: "read the secret inside the script from Key Vault (or the run's secret store), not from arguments",
                },
              ),
            ]
          : [];
      }),
    );
    const environments = ir.environments.flatMap((env) =>
      Object.entries(env.environmentVariables ?? {})
        .filter(([name, value]) => (SECRET_NAME.test(name) && value !== "") || looksSecret(value))
        .map(([name]) =>
          diagnostic(
            "AP501",
            `environment "${env.name}" sets variable "${name}" to what looks like a secret; environment definitions are stored in plain text`,
            { at: env.source, hint: "fetch the secret at run time from Key Vault instead" },
          ),
        ),
    );
    return [...findings, ...environments];
  },
};
