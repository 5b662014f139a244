import { finding, type Rule } from "./rule.js";

const SHAPES: Record<string, { pattern: RegExp; example: string }> = {
  remote_vm: {
    pattern:
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i,
    example: "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<vm>",
  },
  hdinsight: {
    pattern:
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.HDInsight\/clusters\/[^/]+$/i,
    example: "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.HDInsight/clusters/<cluster>",
  },
  synapse_spark: {
    pattern:
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Synapse\/workspaces\/[^/]+\/bigDataPools\/[^/]+$/i,
    example:
      "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Synapse/workspaces/<ws>/bigDataPools/<pool>",
  },
  kubernetes: {
    pattern:
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.(ContainerService\/managedClusters|Kubernetes\/connectedClusters)\/[^/]+$/i,
    example:
      "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<aks>",
  },
};

/** AP306: resource ids of VM, HDInsight, Synapse and Kubernetes attachments must have their ARM shape. */
export const resourceIdRule: Rule = {
  code: "AP306",
  check(ir) {
    return ir.computes.flatMap((c) => {
      const shape = SHAPES[c.kind];
      if (
        !shape ||
        !("resourceId" in c) ||
        typeof c.resourceId !== "string" ||
        shape.pattern.test(c.resourceId)
      )
        return [];
      return [
        finding(
          "AP306",
          `compute "${c.name}" has resource id "${c.resourceId}", which is not a ${c.kind} resource id`,
          c.source,
          `write it as ${shape.example}`,
        ),
      ];
    });
  },
};
