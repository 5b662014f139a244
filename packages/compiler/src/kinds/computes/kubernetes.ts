import { described, str } from "../../schema/definitions/common.js";
import { type ComputeKindDef, resourceIdShape } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An AKS or Arc-enabled Kubernetes cluster attached for training. */
export const kubernetesCompute: ComputeKindDef<"kubernetes"> = {
  kind: "kubernetes",
  summary: "an AKS or Arc-enabled Kubernetes cluster attached for training",
  factory: "kubernetes",
  specKeys: {
    flavour: described("an AKS cluster (aks) or an Azure Arc-enabled cluster (arc)", {
      enum: ["aks", "arc"],
    }),
    resource_id: shared.resource_id,
    namespace: described("the Kubernetes namespace jobs run in (default when unset)", str),
  },
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
