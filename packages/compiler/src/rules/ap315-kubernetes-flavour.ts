import { diagnostic } from "../diagnostics/diagnostic.js";
import { isExistingCompute } from "../kinds/computes/index.js";
import { at } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The ARM provider path each Kubernetes flavour's resource id has. */
const PROVIDER = {
  aks: "Microsoft.ContainerService/managedClusters",
  arc: "Microsoft.Kubernetes/connectedClusters",
} as const;

const cluster = (flavour: "aks" | "arc", provider: string) =>
  ({
    kind: "kubernetes",
    name: "k8s",
    flavour,
    resourceId: `/subscriptions/s/resourceGroups/rg/providers/${provider}/c`,
    source: at(9),
  }) as const;

/**
 * AP315: a Kubernetes compute's flavour says which resource it attaches: `aks` an AKS cluster
 * (`Microsoft.ContainerService/managedClusters`), `arc` an Arc-enabled one
 * (`Microsoft.Kubernetes/connectedClusters`). A flavour with the other's resource id is refused at attach.
 */
export const kubernetesFlavourRule: Rule = {
  code: "AP315",
  examples: {
    fires: [
      {
        what: "flavour aks with an Arc cluster's resource id",
        line: 9,
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, cluster("aks", PROVIDER.arc)] }),
      },
    ],
    passes: [
      {
        what: "flavour arc with an Arc cluster's resource id",
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, cluster("arc", PROVIDER.arc)] }),
      },
    ],
  },
  check(ir) {
    return ir.computes.flatMap((c) => {
      if (c.kind !== "kubernetes" || isExistingCompute(c)) return [];
      const wanted = PROVIDER[c.flavour];
      const other = c.flavour === "aks" ? "arc" : "aks";
      if (!c.resourceId.toLowerCase().includes(`/providers/${PROVIDER[other].toLowerCase()}/`)) return [];
      return [
        diagnostic(
          "AP315",
          `compute "${c.name}" has flavour ${c.flavour}, but its resource id is an ${other === "arc" ? "Arc-enabled" : "AKS"} cluster's`,
          { at: c.source, hint: `write flavour: "${other}", or give the ${wanted} resource id` },
        ),
      ];
    });
  },
};
