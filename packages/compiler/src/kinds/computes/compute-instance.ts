import { str } from "../../schema/definitions/common.js";
import type { ComputeKindDef } from "./compute-kind.js";

/** An Azure ML compute instance. */
export const computeInstanceCompute: ComputeKindDef<"compute_instance"> = {
  kind: "compute_instance",
  summary: "an Azure ML compute instance",
  factory: "computeInstance",
  specKeys: { vm_size: str },
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#cfe2ff",
};
