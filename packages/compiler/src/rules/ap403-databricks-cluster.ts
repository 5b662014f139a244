import { diagnostic } from "../diagnostics/diagnostic.js";
import { withDatabricksStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP403: DatabricksStep cluster settings: an existing cluster, or a new one sized one way. */
export const databricksClusterRule: Rule = {
  code: "AP403",
  examples: {
    fires: [
      {
        what: "a new Databricks cluster with no size",
        line: 9,
        mutate: (ir) => withDatabricksStep(ir, { notebookPath: "/a" }),
      },
      {
        what: "an existing cluster with new-cluster settings the loader does not send",
        line: 9,
        severity: "warning",
        mutate: (ir) =>
          withDatabricksStep(ir, { notebookPath: "/a", existingClusterId: "c-1", sparkVersion: "7.3" }),
      },
    ],
    passes: [
      {
        what: "an existing Databricks cluster, which needs no size",
        mutate: (ir) => withDatabricksStep(ir, { notebookPath: "/a", existingClusterId: "c-1" }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "DatabricksStep") return [];
      const problems: string[] = [];
      const newCluster = [
        s.sparkVersion,
        s.nodeType,
        s.instancePoolId,
        s.numWorkers,
        s.minWorkers,
        s.maxWorkers,
      ].some((v) => v !== undefined);
      // The SDK v1 loader takes both, and sends only the existing cluster: a warning, not a refusal.
      const ignored =
        s.existingClusterId !== undefined && newCluster
          ? [
              diagnostic(
                "AP403",
                `DatabricksStep "${s.key}": it names an existing cluster and also new-cluster settings, which the SDK v1 loader does not send`,
                {
                  at: s.source,
                  severity: "warning",
                  hint: "remove the new-cluster settings, or the existing_cluster_id",
                },
              ),
            ]
          : [];
      if (s.existingClusterId === undefined) {
        if (s.numWorkers === undefined && (s.minWorkers === undefined || s.maxWorkers === undefined))
          problems.push("a new cluster needs num_workers, or both min_workers and max_workers");
        if (s.numWorkers !== undefined && (s.minWorkers !== undefined || s.maxWorkers !== undefined))
          problems.push("num_workers and min/max_workers cannot be used together");
        if (s.nodeType !== undefined && s.instancePoolId !== undefined)
          problems.push("node_type and instance_pool_id cannot be used together");
      }
      if (s.minWorkers !== undefined && s.maxWorkers !== undefined && s.minWorkers > s.maxWorkers)
        problems.push(`min_workers (${s.minWorkers}) is above max_workers (${s.maxWorkers})`);
      return [
        ...ignored,
        ...problems.map((p) => diagnostic("AP403", `DatabricksStep "${s.key}": ${p}`, { at: s.source })),
      ];
    });
  },
};
