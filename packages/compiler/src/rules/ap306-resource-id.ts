import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeKindOf } from "../kinds/computes/index.js";
import { vm } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP306: resource ids of VM, HDInsight, Synapse and Kubernetes attachments must have their ARM shape. */
export const resourceIdRule: Rule = {
  code: "AP306",
  examples: {
    fires: [
      {
        what: "a VM resource id without its provider path",
        line: 9,
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, vm("/subscriptions/s/vm")] }),
      },
    ],
    passes: [
      {
        what: "a VM resource id of the ARM shape",
        mutate: (ir) => ({
          ...ir,
          computes: [
            ...ir.computes,
            vm("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/v"),
          ],
        }),
      },
    ],
  },
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
