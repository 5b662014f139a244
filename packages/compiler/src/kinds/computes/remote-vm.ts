import { allOf } from "../steps/step-kind.js";
import { type ComputeIROf, type ComputeKindDef, resourceIdShape, type SecretKeys } from "./compute-kind.js";
import { SSH_SPEC_KEYS } from "./ssh-access.js";

/** A remote VM (Ubuntu, public IP) attached by resource id over SSH. */
export const remoteVmCompute: ComputeKindDef<"remote_vm"> = {
  kind: "remote_vm",
  summary: "a remote VM (Ubuntu, public IP) attached by resource id over SSH",
  factory: "remoteVm",
  specKeys: SSH_SPEC_KEYS,
  requiredSpecKeys: ["resource_id", "ssh_port", "username"],
  secretFields: allOf<SecretKeys<ComputeIROf<"remote_vm">>>()(
    "password",
    "privateKey",
    "privateKeyPassphrase",
  ),
  defaults: { sshPort: 22 },
  resourceIdShape: resourceIdShape(
    "Microsoft\\.Compute/virtualMachines/[^/]+",
    "Microsoft.Compute/virtualMachines/<vm>",
  ),
  armResourceId: (c) => c.resourceId,
  colour: "#d1e7dd",
};
