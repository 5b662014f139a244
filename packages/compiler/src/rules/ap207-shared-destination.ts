import { diagnostic } from "../diagnostics/diagnostic.js";
import { producersOf, stepOutputs } from "../ir/step-bindings.js";
import { at, withNewStep, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP207: two steps write the same intermediate data, so readers cannot know which they get. */
export const sharedDestinationRule: Rule = {
  code: "AP207",
  examples: {
    fires: [
      {
        what: "agg writes the intermediate data prep writes",
        line: 22,
        mutate: (ir) =>
          withStep(ir, "agg", {
            outputs: [{ name: "summary", destination: "clean", datastore: "lake", source: at(22) }],
          }),
      },
    ],
    passes: [
      {
        what: "another step writes other data to the same datastore",
        mutate: (ir) =>
          withNewStep(ir, {
            type: "PythonScriptStep",
            key: "side",
            compute: "cpu",
            scriptName: "side.py",
            outputs: [{ name: "o", destination: "side_o", datastore: "lake", source: at(9) }],
          }),
      },
    ],
  },
  check(ir) {
    return [...producersOf(ir)].flatMap(([destination, steps]) => {
      const distinct = [...new Set(steps.map((s) => s.key))];
      if (distinct.length < 2) return [];
      const last = steps[steps.length - 1];
      const output = last ? stepOutputs(last).find((o) => o.destination === destination) : undefined;
      return [
        diagnostic(
          "AP207",
          `steps ${distinct.map((k) => `"${k}"`).join(" and ")} all write "${destination}"`,
          { at: output?.source ?? last?.source, hint: "give each output its own destination name" },
        ),
      ];
    });
  },
};
