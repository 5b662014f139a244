import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepBindings } from "../ir/step-bindings.js";
import { withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP204: an argument token (`input:X`, `output:X`, ...) that names none of the step's bindings. The
 * SDK v1 loader takes the file and passes the token to the script as literal text: a warning.
 */
export const unknownTokenRule: Rule = {
  code: "AP204",
  examples: {
    fires: [
      {
        what: "an argument names an input prep does not have",
        line: 10,
        severity: "warning",
        mutate: (ir) => withStep(ir, "prep", { arguments: [{ ref: "input", name: "nope" }] }),
      },
      {
        what: "a parameter token naming a pipeline parameter the step does not bind",
        line: 10,
        severity: "warning",
        mutate: (ir) =>
          withStep(ir, "prep", { parameters: [], arguments: [{ ref: "parameter", name: "lr" }] }),
      },
    ],
    passes: [
      {
        what: "an argument names prep's parameter",
        mutate: (ir) => withStep(ir, "prep", { arguments: [{ ref: "parameter", name: "lr" }] }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      const names = {
        input: new Set(step.inputs.map((i) => i.name)),
        output: new Set(step.outputs.map((o) => o.name)),
        side_input: new Set(stepBindings(step).sideInputs.map((i) => i.name)),
        // The loader replaces `parameter:NAME` only on a PythonScriptStep, and only for its own step
        // parameters; anywhere else the token reaches the script as the literal text.
        parameter: new Set(step.type === "PythonScriptStep" ? step.parameters.map((p) => p.name) : []),
      };
      return step.arguments.flatMap((arg) =>
        typeof arg === "object" && !names[arg.ref].has(arg.name)
          ? [
              diagnostic(
                "AP204",
                `step "${step.key}" argument "${arg.ref}:${arg.name}" names no ${arg.ref.replace("_", " ")} of the step: the script gets the literal text`,
                {
                  at: step.source,
                  severity: "warning",
                  hint:
                    arg.ref === "parameter" && step.type !== "PythonScriptStep"
                      ? `only a PythonScriptStep's parameter: tokens are replaced; on a ${step.type} it stays the literal text`
                      : arg.ref === "parameter"
                        ? `bind it first with .param("${arg.name}", ...): tokens name the step's own parameters (${[...names.parameter].join(", ") || "none"})`
                        : `the step's ${arg.ref.replace("_", " ")}s: ${[...names[arg.ref]].join(", ") || "none"}`,
                },
              ),
            ]
          : [],
      );
    });
  },
};
