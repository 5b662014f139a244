import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepBindings } from "../ir/step-bindings.js";
import { at, withReportStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP212 (v1 target): a step reads the data reference a DataTransferStep writes. The copy is no
 * intermediate data in v1 YAML (the step's only output is a PipelineData no YAML step can name), so
 * nothing orders the reader after the copy: it would race it, and read the old data or none.
 */
export const readsCopyRule: Rule = {
  code: "AP212",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "a step reads the data reference the copy writes",
        line: 9,
        mutate: (ir) =>
          withReportStep(ir, { inputs: [{ name: "summary", from: "summary_blob", source: at(9) }] }),
      },
    ],
    passes: [
      {
        what: "a step reads the data the copy reads, which an earlier step produced",
        mutate: (ir) => withReportStep(ir, { inputs: [{ name: "summary", from: "summary", source: at(9) }] }),
      },
    ],
  },
  check(ir) {
    const copies = new Map<string, string>();
    for (const step of ir.steps) for (const w of stepBindings(step).writes) copies.set(w.from, step.key);
    return ir.steps.flatMap((step) =>
      stepBindings(step).inputs.flatMap((input) => {
        const copy = copies.get(input.from);
        if (copy === undefined || copy === step.key) return [];
        return [
          diagnostic(
            "AP212",
            `step "${step.key}" reads "${input.from}", which DataTransferStep "${copy}" writes; v1 YAML cannot order a step after a copy, so it would race it`,
            {
              at: input.source,
              hint: "read the copy in a later pipeline (or a scheduled one), or compile with --target v2",
            },
          ),
        ];
      }),
    );
  },
};
