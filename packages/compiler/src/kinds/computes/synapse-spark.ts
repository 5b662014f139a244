import { int, nonEmpty, str } from "../../schema/definitions/common.js";
import { type ComputeKindDef, resourceIdShape } from "./compute-kind.js";

/** A Synapse Spark pool attached to the workspace. */
export const synapseSparkCompute: ComputeKindDef<"synapse_spark"> = {
  kind: "synapse_spark",
  summary: "a Synapse Spark pool attached to the workspace",
  factory: "synapseSpark",
  specKeys: { resource_id: nonEmpty, spark_version: str, node_size: str, node_count: int },
  requiredSpecKeys: ["resource_id"],
  secretFields: [],
  defaults: {},
  resourceIdShape: resourceIdShape(
    "Microsoft\\.Synapse/workspaces/[^/]+/bigDataPools/[^/]+",
    "Microsoft.Synapse/workspaces/<ws>/bigDataPools/<pool>",
  ),
  armResourceId: (c) => c.resourceId,
  colour: "#fff3cd",
};
