import { diagnostic } from "../diagnostics/diagnostic.js";
import { producersOf, stepOutputs } from "../ir/step-bindings.js";
import type { Rule } from "./rule.js";

/** AP207: two steps write the same intermediate data, so readers cannot know which they get. */
export const sharedDestinationRule: Rule = {
  code: "AP207",
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
