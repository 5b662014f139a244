import type { ComputeIR } from "../ir/compute.js";
import { finding, type Rule } from "./rule.js";

/** The underlying Azure resource of a compute, as a comparable key (undefined when unknown). */
export function resourceKey(compute: ComputeIR): string | undefined {
  switch (compute.kind) {
    case "remote_vm":
    case "hdinsight":
    case "synapse_spark":
    case "kubernetes":
      return compute.resourceId.toLowerCase();
    case "azure_batch":
    case "adla":
      return `${compute.kind}:${compute.subscriptionId ?? ""}:${compute.resourceGroup}:${compute.accountName}`.toLowerCase();
    case "databricks":
      return `databricks:${compute.subscriptionId ?? ""}:${compute.resourceGroup}:${compute.workspaceName}`.toLowerCase();
    case "data_factory":
      return (
        compute.resourceId?.toLowerCase() ??
        (compute.factoryName
          ? `adf:${compute.resourceGroup ?? ""}:${compute.factoryName}`.toLowerCase()
          : undefined)
      );
    default:
      return undefined;
  }
}

/** AP304: one Azure resource attached under two compute names: each new attachment breaks the earlier ones. */
export const resourceAttachedTwiceRule: Rule = {
  code: "AP304",
  check(ir) {
    const seen = new Map<string, ComputeIR>();
    return ir.computes.flatMap((compute) => {
      const key = resourceKey(compute);
      if (key === undefined) return [];
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, compute);
        return [];
      }
      if (earlier.name === compute.name) return [];
      return [
        finding(
          "AP304",
          `computes "${earlier.name}" and "${compute.name}" attach the same resource; attaching it twice breaks the first attachment`,
          compute.source,
          `use "${earlier.name}" everywhere`,
        ),
      ];
    });
  },
};
