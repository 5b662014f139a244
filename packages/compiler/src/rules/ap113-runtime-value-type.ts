import { diagnostic } from "../diagnostics/diagnostic.js";
import type { EnvironmentIR } from "../ir/environment.js";
import { at, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The list settings of a conda environment: each a list of package names, never one string. */
const LIST_SETTINGS = [
  ["condaPackages", "conda"],
  ["pipPackages", "pip"],
  ["channels", "channels"],
] as const;

const isTextList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === "string");

const condaEnv = (pip: unknown): EnvironmentIR =>
  ({
    kind: "conda",
    name: "env",
    condaPackages: [],
    pipPackages: pip,
    channels: [],
    source: at(9),
  }) as EnvironmentIR;

/**
 * AP113: a DSL value of the wrong type that the type checker would have refused reached the
 * compiler at run time (a module compiled without `--typecheck`, JavaScript, an `as` cast). The
 * schemas cannot see these: a pip list given as one string is a list of its letters in the runconfig
 * (`s`, `c`, `i`, ...), and a framework other than pyspark silently runs as Python.
 */
export const runtimeValueTypeRule: Rule = {
  code: "AP113",
  examples: {
    fires: [
      {
        what: "pip packages given as one string",
        line: 9,
        mutate: (ir) => ({ ...ir, environments: [condaEnv("scikit-learn")] }),
      },
      {
        what: 'framework "spark" on a PythonScriptStep',
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { framework: "spark" }),
      },
    ],
    passes: [
      {
        what: "pip packages as a list",
        mutate: (ir) => ({ ...ir, environments: [condaEnv(["scikit-learn==1.5.0"])] }),
      },
    ],
  },
  check(ir) {
    const environments = ir.environments.flatMap((env) =>
      env.kind !== "conda"
        ? []
        : LIST_SETTINGS.filter(([field]) => !isTextList(env[field])).map(([field, option]) =>
            diagnostic(
              "AP113",
              `environment "${env.name}": ${option} is ${JSON.stringify(env[field])}, not a list of package names`,
              { at: env.source, hint: `write ${option}: [${JSON.stringify(String(env[field]))}]` },
            ),
          ),
    );
    const steps = ir.steps.flatMap((step) =>
      step.type === "PythonScriptStep" &&
      step.framework !== undefined &&
      step.framework !== "python" &&
      step.framework !== "pyspark"
        ? [
            diagnostic(
              "AP113",
              `step "${step.key}": framework ${JSON.stringify(step.framework)} is neither "python" nor "pyspark" (it would run as Python)`,
              { at: step.source, hint: 'write framework: "pyspark" for Spark, or leave it out for Python' },
            ),
          ]
        : [],
    );
    return [...environments, ...steps];
  },
};
