import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepInputs } from "../ir/step-bindings.js";
import { at, withReportStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP213 (v1 target): a step reads a `datapath` parameter that has no default. The SDK v1 loader then
 * takes the parameter's default as None and reads an input naming it as intermediate data, which no
 * step produces: the load fails at graph build.
 */
export const datapathDefaultRule: Rule = {
  code: "AP213",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "a step reads a datapath parameter with no default",
        line: 9,
        mutate: (ir) =>
          withReportStep(
            {
              ...ir,
              parameters: [...ir.parameters, { name: "input_path", type: "datapath", source: at(2) }],
            },
            { inputs: [{ name: "data", from: "input_path", source: at(9) }] },
          ),
      },
    ],
    passes: [
      {
        what: "a step reads a datapath parameter with a default",
        mutate: (ir) =>
          withReportStep(
            {
              ...ir,
              parameters: [
                ...ir.parameters,
                {
                  name: "input_path",
                  type: "datapath",
                  default: { datastore: "blob", pathOnDatastore: "in" },
                  source: at(2),
                },
              ],
            },
            { inputs: [{ name: "data", from: "input_path", source: at(9) }] },
          ),
      },
    ],
  },
  check(ir) {
    const noDefault = new Set(
      ir.parameters.filter((p) => p.type === "datapath" && p.default === undefined).map((p) => p.name),
    );
    return ir.steps.flatMap((step) =>
      stepInputs(step)
        .filter((input) => noDefault.has(input.from))
        .map((input) =>
          diagnostic(
            "AP213",
            `step "${step.key}" input "${input.name}" reads datapath parameter "${input.from}", which has no default: the SDK v1 loader then reads it as intermediate data nothing produces`,
            {
              at: input.source,
              hint: `give "${input.from}" a default datastore path (param.datapath(name, { datastore, pathOnDatastore }))`,
            },
          ),
        ),
    );
  },
};
