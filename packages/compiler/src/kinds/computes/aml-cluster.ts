import { described, int } from "../../schema/definitions/common.js";
import type { ComputeKindDef } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure ML managed compute cluster. */
export const amlClusterCompute: ComputeKindDef<"aml_cluster"> = {
  kind: "aml_cluster",
  summary: "an Azure ML managed compute cluster",
  factory: "amlCluster",
  specKeys: {
    vm_size: shared.vm_size,
    vm_priority: described("dedicated nodes, or cheaper low-priority nodes that can be preempted", {
      enum: ["dedicated", "low_priority"],
    }),
    min_nodes: described("the nodes kept running when idle (0 scales down to nothing)", int),
    max_nodes: described("the most nodes the cluster scales up to", int),
    idle_seconds_before_scaledown: described("how long a node stays idle before it is released", int),
  },
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#cfe2ff",
};
