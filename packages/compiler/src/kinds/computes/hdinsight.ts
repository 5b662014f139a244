import { allOf } from "../steps/step-kind.js";
import { type ComputeIROf, type ComputeKindDef, resourceIdShape, type SecretKeys } from "./compute-kind.js";
import { SSH_SPEC_KEYS } from "./ssh-access.js";

/** An HDInsight cluster attached by resource id over SSH (steps run with framework pyspark). */
export const hdInsightCompute: ComputeKindDef<"hdinsight"> = {
  kind: "hdinsight",
  summary: "an HDInsight cluster attached by resource id over SSH (steps run with framework pyspark)",
  factory: "hdInsight",
  specKeys: SSH_SPEC_KEYS,
  requiredSpecKeys: ["resource_id", "ssh_port", "username"],
  secretFields: allOf<SecretKeys<ComputeIROf<"hdinsight">>>()(
    "password",
    "privateKey",
    "privateKeyPassphrase",
  ),
  defaults: { sshPort: 22 },
  resourceIdShape: resourceIdShape(
    "Microsoft\\.HDInsight/clusters/[^/]+",
    "Microsoft.HDInsight/clusters/<cluster>",
  ),
  armResourceId: (c) => c.resourceId,
  colour: "#fff3cd",
};
