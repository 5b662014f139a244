import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeKindOf } from "../kinds/computes/index.js";
import type { Rule } from "./rule.js";

/** AP306: resource ids of VM, HDInsight, Synapse and Kubernetes attachments must have their ARM shape. */
export const resourceIdRule: Rule = {
  code: "AP306",
  check(ir) {
    return ir.computes.flatMap((c) => {
      const shape = computeKindOf(c)?.resourceIdShape;
      if (
        !shape ||
        !("resourceId" in c) ||
        typeof c.resourceId !== "string" ||
        shape.pattern.test(c.resourceId)
      )
        return [];
      return [
        diagnostic(
          "AP306",
          `compute "${c.name}" has resource id "${c.resourceId}", which is not a ${c.kind} resource id`,
          { at: c.source, hint: `write it as ${shape.example}` },
        ),
      ];
    });
  },
};
