import type { SourcePosition } from "../ir/source-position.js";
import { finding, type Rule } from "./rule.js";

/** AP203: two different things of one kind share a name (steps, computes, data references, ...). */
export const duplicateNameRule: Rule = {
  code: "AP203",
  check(ir) {
    const groups: [string, readonly { name: string; source: SourcePosition }[]][] = [
      ["step", ir.steps.map((s) => ({ name: s.key, source: s.source }))],
      ["compute", ir.computes],
      ["datastore", ir.datastores],
      ["data reference", ir.dataReferences],
      ["parameter", ir.parameters],
      ["environment", ir.environments],
      ["schedule", ir.schedules],
    ];
    return groups.flatMap(([kind, items]) => {
      const first = new Map<string, SourcePosition>();
      return items.flatMap((item) => {
        const earlier = first.get(item.name);
        if (!earlier) {
          first.set(item.name, item.source);
          return [];
        }
        return [
          finding(
            "AP203",
            `two different ${kind}s are named "${item.name}" (the other is at ${earlier.file}:${earlier.line})`,
            item.source,
            `give each ${kind} its own name, or reuse one value`,
          ),
        ];
      });
    });
  },
};
