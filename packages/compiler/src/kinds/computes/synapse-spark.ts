import { described, int, str } from "../../schema/definitions/common.js";
import { type ComputeKindDef, resourceIdShape } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** A Synapse Spark pool attached to the workspace. */
export const synapseSparkCompute: ComputeKindDef<"synapse_spark"> = {
  kind: "synapse_spark",
  summary: "a Synapse Spark pool attached to the workspace",
  factory: "synapseSpark",
  specKeys: {
    resource_id: shared.resource_id,
    spark_version: described("the Spark version of the pool, e.g. 3.4", str),
    node_size: described("the node size of the pool: Small, Medium, Large, ...", str),
    node_count: described("the number of nodes of the pool", int),
  },
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
