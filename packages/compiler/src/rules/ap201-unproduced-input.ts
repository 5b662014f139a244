import { diagnostic } from "../diagnostics/diagnostic.js";
import { producersOf, stepInputs } from "../ir/step-bindings.js";
import { at, withReportStep, withStep } from "./example-pipeline.js";
import { closest, type Rule } from "./rule.js";

/** AP201: an input reads a name that no data reference, datapath parameter or step output provides. */
export const unproducedInputRule: Rule = {
  code: "AP201",
  examples: {
    fires: [
      {
        what: "prep reads data nothing produces",
        line: 12,
        mutate: (ir) => withStep(ir, "prep", { inputs: [{ name: "raw", from: "rawx", source: at(12) }] }),
      },
    ],
    passes: [
      {
        what: "a step reads agg's output, which agg produces",
        mutate: (ir) => withReportStep(ir, { inputs: [{ name: "summary", from: "summary", source: at(9) }] }),
      },
    ],
  },
  check(ir) {
    const producers = producersOf(ir);
    const known = new Set([
      ...ir.dataReferences.map((r) => r.name),
      ...ir.parameters.filter((p) => p.type === "datapath").map((p) => p.name),
      ...producers.keys(),
    ]);
    return ir.steps.flatMap((step) =>
      stepInputs(step)
        .filter((input) => !known.has(input.from))
        .map((input) => {
          const near = closest(input.from, known);
          return diagnostic(
            "AP201",
            `step "${step.key}" input "${input.name}" reads "${input.from}", which no data reference, datapath parameter or step output provides`,
            {
              at: input.source,
              hint:
                near.length > 0
                  ? `did you mean ${near.map((n) => `"${n}"`).join(" or ")}?`
                  : "declare it under data_references, or add a step output with this destination",
            },
          );
        }),
    );
  },
};
