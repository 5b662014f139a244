import { diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcePosition } from "../ir/source-position.js";
import { stepBindings } from "../ir/step-bindings.js";
import { at, stepOf, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP203: two different things of one kind share a name (steps, computes, data references, ..., and
 * the bindings of one step).
 */
export const duplicateNameRule: Rule = {
  code: "AP203",
  examples: {
    fires: [
      {
        what: "two computes are named adf",
        line: 8,
        mutate: (ir) => ({
          ...ir,
          computes: [{ kind: "aml_cluster", name: "adf", source: at(5) }, ...ir.computes],
        }),
      },
      {
        what: "one step binds input raw twice",
        line: 12,
        mutate: (ir) =>
          withStep(ir, "prep", {
            inputs: [...stepOf(ir, "prep").inputs, { name: "raw", from: "raw", source: at(12) }],
          }),
      },
    ],
    passes: [
      {
        what: "a datastore shares a compute's name (different kinds of thing)",
        mutate: (ir) => ({
          ...ir,
          datastores: [...ir.datastores, { name: "cpu", kind: "azure_blob", source: at(9) }],
        }),
      },
    ],
  },
  check(ir) {
    // [what the things are, in the plural; the things]
    const groups: [string, readonly { name: string; source: SourcePosition }[]][] = [
      ["steps", ir.steps.map((s) => ({ name: s.key, source: s.source }))],
      ["computes", ir.computes],
      ["datastores", ir.datastores],
      ["data references", ir.dataReferences],
      ["parameters", ir.parameters],
      ["environments", ir.environments],
      ["schedules", ir.schedules],
    ];
    // Within a step: inputs, side inputs and parameters share one namespace (v2 makes all of them
    // inputs); outputs have their own. A second binding of a name would replace the first.
    for (const step of ir.steps) {
      const bindings = stepBindings(step);
      groups.push([
        `inputs or parameters of step "${step.key}"`,
        [...bindings.inputs, ...step.parameters].map((b) => ({ name: b.name, source: b.source })),
      ]);
      groups.push([`outputs of step "${step.key}"`, bindings.outputs]);
    }
    return groups.flatMap(([kind, items]) => {
      const first = new Map<string, SourcePosition>();
      return items.flatMap((item) => {
        const earlier = first.get(item.name);
        if (!earlier) {
          first.set(item.name, item.source);
          return [];
        }
        // Both made at one line (a reassigned variable, a helper called twice): say so, not "the other
        // is at" the same line.
        const sameLine = earlier.file === item.source.file && earlier.line === item.source.line;
        return [
          diagnostic(
            "AP203",
            sameLine
              ? `two different ${kind} are named "${item.name}", both made at this line (a variable reassigned, or a helper called twice)`
              : `two different ${kind} are named "${item.name}" (the other is at ${earlier.file}:${earlier.line})`,
            { at: item.source, hint: "give each its own name, or reuse one value" },
          ),
        ];
      });
    });
  },
};
