import { diagnostic } from "../diagnostics/diagnostic.js";
import { at, withStep } from "./example-pipeline.js";
import { closest, type Rule } from "./rule.js";

/** AP205: a step parameter taken from a pipeline parameter that does not exist. */
export const unknownParameterRule: Rule = {
  code: "AP205",
  examples: {
    fires: [
      {
        what: "a step parameter takes an undeclared pipeline parameter",
        line: 11,
        mutate: (ir) =>
          withStep(ir, "prep", {
            parameters: [
              { name: "lr", value: { kind: "pipeline_parameter", parameter: "rate" }, source: at(11) },
            ],
          }),
      },
    ],
    passes: [
      {
        what: "a step parameter with a literal value",
        mutate: (ir) =>
          withStep(ir, "prep", {
            parameters: [{ name: "lr", value: { kind: "literal", value: 0.5 }, source: at(11) }],
          }),
      },
    ],
  },
  check(ir) {
    const names = new Set(ir.parameters.map((p) => p.name));
    return ir.steps.flatMap((step) =>
      step.parameters.flatMap((p) =>
        p.value.kind === "pipeline_parameter" && !names.has(p.value.parameter)
          ? [
              diagnostic(
                "AP205",
                `step "${step.key}" parameter "${p.name}" takes pipeline parameter "${p.value.parameter}", which is not declared`,
                {
                  at: p.source,
                  hint: closest(p.value.parameter, names).length
                    ? `did you mean "${closest(p.value.parameter, names)[0]}"?`
                    : "declare it under the pipeline's parameters",
                },
              ),
            ]
          : [],
      ),
    );
  },
};
