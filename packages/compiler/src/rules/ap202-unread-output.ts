import { diagnostic } from "../diagnostics/diagnostic.js";
import { stepInputs, stepOutputs } from "../ir/step-bindings.js";
import { at, stepOf, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP202 (warning): an output that no step reads and that is not kept on a datastore. v1 only: every
 * output of a v2 job is kept (on the default datastore when it names none), so an unread one is a result.
 */
export const unreadOutputRule: Rule = {
  code: "AP202",
  targets: ["v1"],
  examples: {
    fires: [
      {
        what: "prep writes an output nobody reads and no datastore keeps",
        line: 13,
        mutate: (ir) =>
          withStep(ir, "prep", {
            outputs: [...stepOf(ir, "prep").outputs, { name: "extra", destination: "extra", source: at(13) }],
          }),
      },
    ],
    passes: [
      {
        what: "the unread output is kept on a datastore",
        mutate: (ir) =>
          withStep(ir, "prep", {
            outputs: [
              ...stepOf(ir, "prep").outputs,
              { name: "extra", destination: "extra", datastore: "blob", source: at(13) },
            ],
          }),
      },
    ],
  },
  check(ir) {
    const read = new Set(ir.steps.flatMap((s) => stepInputs(s).map((i) => i.from)));
    return ir.steps.flatMap((step) =>
      stepOutputs(step)
        .filter(
          (o) => !read.has(o.destination) && o.datastore === undefined && step.type !== "DataTransferStep",
        )
        .map((o) =>
          diagnostic(
            "AP202",
            `output "${o.name}" of step "${step.key}" ("${o.destination}") is read by no step and kept on no datastore`,
            { at: o.source, hint: "read it in a later step, give it a datastore to keep it, or remove it" },
          ),
        ),
    );
  },
};
