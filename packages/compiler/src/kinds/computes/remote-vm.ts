import { sshComputeKind } from "./ssh-access.js";

/** A remote VM (Ubuntu, public IP) attached by resource id over SSH. */
export const remoteVmCompute = sshComputeKind({
  kind: "remote_vm",
  summary: "a remote VM (Ubuntu, public IP) attached by resource id over SSH",
  factory: "remoteVm",
  provider: ["Microsoft\\.Compute/virtualMachines/[^/]+", "Microsoft.Compute/virtualMachines/<vm>"],
  colour: "#d1e7dd",
});
