import type { ComputeKindDef } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure ML compute instance. */
export const computeInstanceCompute: ComputeKindDef<"compute_instance"> = {
  kind: "compute_instance",
  summary: "an Azure ML compute instance",
  factory: "computeInstance",
  specKeys: { vm_size: shared.vm_size },
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#cfe2ff",
};
