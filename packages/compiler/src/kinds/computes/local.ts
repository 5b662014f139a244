import type { ComputeKindDef } from "./compute-kind.js";

/** The machine amlpipe runs on (local backend), or the v1 `local` target. */
export const localCompute: ComputeKindDef<"local"> = {
  kind: "local",
  summary: "the machine amlpipe runs on (local backend), or the v1 `local` target",
  factory: "local",
  specKeys: {},
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: () => undefined,
  colour: "#e8e8e8",
};
