import { sshComputeKind } from "./ssh-access.js";

/** An HDInsight cluster attached by resource id over SSH (steps run with framework pyspark). */
export const hdInsightCompute = sshComputeKind({
  kind: "hdinsight",
  summary: "an HDInsight cluster attached by resource id over SSH (steps run with framework pyspark)",
  factory: "hdInsight",
  provider: ["Microsoft\\.HDInsight/clusters/[^/]+", "Microsoft.HDInsight/clusters/<cluster>"],
  colour: "#fff3cd",
});
