import { int, str } from "../../schema/definitions/common.js";
import type { ComputeKindDef } from "./compute-kind.js";

/** An Azure ML managed compute cluster. */
export const amlClusterCompute: ComputeKindDef<"aml_cluster"> = {
  kind: "aml_cluster",
  summary: "an Azure ML managed compute cluster",
  factory: "amlCluster",
  specKeys: {
    vm_size: str,
    vm_priority: { enum: ["dedicated", "low_priority"] },
    min_nodes: int,
    max_nodes: int,
    idle_seconds_before_scaledown: int,
  },
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#cfe2ff",
};
