import type { ComputeKindDef } from "./compute-kind.js";

/** Azure Container Instances: inference only, never a training target, cannot be attached. */
export const aciCompute: ComputeKindDef<"aci"> = {
  kind: "aci",
  summary: "Azure Container Instances: inference only, never a training target, cannot be attached",
  factory: "aci",
  specKeys: {},
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#f0f0f0",
};
