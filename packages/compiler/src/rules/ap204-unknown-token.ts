import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepBindings } from "../ir/step-bindings.js";
import { withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP204: an argument token (`input:X`, `output:X`, ...) that names none of the step's bindings. */
export const unknownTokenRule: Rule = {
  code: "AP204",
  examples: {
    fires: [
      {
        what: "an argument names an input prep does not have",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { arguments: [{ ref: "input", name: "nope" }] }),
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
        parameter: new Set([...step.parameters.map((p) => p.name), ...ir.parameters.map((p) => p.name)]),
      };
      return step.arguments.flatMap((arg) =>
        typeof arg === "object" && !names[arg.ref].has(arg.name)
          ? [
              diagnostic(
                "AP204",
                `step "${step.key}" argument "${arg.ref}:${arg.name}" names no ${arg.ref.replace("_", " ")} of the step`,
                {
                  at: step.source,
                  hint: `the step's ${arg.ref.replace("_", " ")}s: ${[...names[arg.ref]].join(", ") || "none"}`,
                },
              ),
            ]
          : [],
      );
    });
  },
};
