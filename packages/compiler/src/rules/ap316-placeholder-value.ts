import { diagnostic } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import type { Rule } from "./rule.js";

/** A value `amlpipe import` and `validate --fix` write where they cannot know the real one. */
const PLACEHOLDER = /^TODO(_|$)/;

/** The settings of a compute holding a placeholder, by field (secret references by their name). */
function placeholders(c: ComputeIR): string[] {
  const { name: _, kind: __, source: ___, ...settings } = c as ComputeIR & Record<string, unknown>;
  return Object.entries(settings).flatMap(([field, value]) => {
    const text =
      typeof value === "string"
        ? value
        : value && typeof value === "object" && "name" in value && typeof value.name === "string"
          ? value.name
          : undefined;
    return text !== undefined && PLACEHOLDER.test(text) ? [field] : [];
  });
}

/**
 * AP316: a compute setting still holds a placeholder (`TODO`, `TODO_default_store`, a secret named
 * `TODO_SECRET`) that `amlpipe import` or `validate --fix` wrote for the user to fill in: it would be
 * attached with it.
 */
export const placeholderValueRule: Rule = {
  code: "AP316",
  examples: {
    fires: [
      {
        what: "a Data Factory in resource group TODO",
        line: 8,
        mutate: (ir) => ({
          ...ir,
          computes: ir.computes.map((c) =>
            c.name === "adf" ? { ...c, resourceGroup: "TODO", factoryName: "TODO" } : c,
          ),
        }),
      },
    ],
    passes: [
      {
        what: "a Data Factory in a resource group named todo-list",
        mutate: (ir) => ({
          ...ir,
          computes: ir.computes.map((c) => (c.name === "adf" ? { ...c, resourceGroup: "todo-list" } : c)),
        }),
      },
    ],
  },
  check(ir) {
    return ir.computes.flatMap((c) => {
      const fields = placeholders(c);
      if (fields.length === 0) return [];
      return [
        diagnostic(
          "AP316",
          `compute "${c.name}" still has placeholder values for ${fields.join(", ")} (written by amlpipe import or validate --fix)`,
          {
            at: c.source,
            hint: "fill in the real values, or refer to an attached compute with compute.existing(name, kind)",
          },
        ),
      ];
    });
  },
};
