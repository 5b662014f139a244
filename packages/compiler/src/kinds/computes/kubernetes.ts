import { nonEmpty, str } from "../../schema/definitions/common.js";
import { type ComputeKindDef, resourceIdShape } from "./compute-kind.js";

/** An AKS or Arc-enabled Kubernetes cluster attached for training. */
export const kubernetesCompute: ComputeKindDef<"kubernetes"> = {
  kind: "kubernetes",
  summary: "an AKS or Arc-enabled Kubernetes cluster attached for training",
  factory: "kubernetes",
  specKeys: { flavour: { enum: ["aks", "arc"] }, resource_id: nonEmpty, namespace: str },
  requiredSpecKeys: ["flavour", "resource_id"],
  secretFields: [],
  defaults: {},
  resourceIdShape: resourceIdShape(
    "Microsoft\\.(ContainerService/managedClusters|Kubernetes/connectedClusters)/[^/]+",
    "Microsoft.ContainerService/managedClusters/<aks>",
  ),
  armResourceId: (c) => c.resourceId,
  colour: "#dbe4ff",
};
