import { diagnostic } from "../diagnostics/diagnostic.js";
import { referenceDatastore } from "../ir/data-reference.js";
import { stepOutputs } from "../ir/step-bindings.js";
import { at, stepOf, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP308: a step (or the default) names a compute the pipeline does not define. */
export const unknownComputeRule: Rule = {
  code: "AP308",
  examples: {
    fires: [
      {
        what: "prep runs on a compute the pipeline does not define",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { compute: "gpu" }),
      },
    ],
    passes: [
      {
        what: "prep runs on another compute the pipeline defines",
        mutate: (ir) =>
          withStep(
            { ...ir, computes: [...ir.computes, { kind: "aml_cluster", name: "gpu", source: at(9) }] },
            "prep",
            {
              compute: "gpu",
            },
          ),
      },
    ],
  },
  check(ir) {
    const names = new Set(ir.computes.map((c) => c.name));
    const missing = ir.steps.filter((s) => s.compute !== undefined && !names.has(s.compute));
    return missing.map((s) =>
      diagnostic(
        "AP308",
        `step "${s.key}" runs on compute "${s.compute}", which the pipeline does not define`,
        { at: s.source, hint: "declare the compute (compute.amlCluster(...) etc.) or fix the name" },
      ),
    );
  },
};

/** AP309 (warning): data written to or read from a datastore the pipeline does not declare. */
export const unknownDatastoreRule: Rule = {
  code: "AP309",
  examples: {
    fires: [
      {
        what: "an output on a datastore the pipeline does not define",
        line: 13,
        mutate: (ir) =>
          withStep(ir, "prep", {
            outputs: [{ name: "clean", destination: "clean", datastore: "elsewhere", source: at(13) }],
          }),
      },
    ],
    passes: [
      {
        what: "an extra output on a datastore the pipeline defines",
        mutate: (ir) =>
          withStep(ir, "prep", {
            outputs: [
              ...stepOf(ir, "prep").outputs,
              { name: "extra", destination: "extra", datastore: "blob", source: at(13) },
            ],
          }),
      },
    ],
  },
  check(ir) {
    const names = new Set(ir.datastores.map((d) => d.name));
    const references = ir.dataReferences.flatMap((r) => {
      const store = referenceDatastore(r);
      return store !== undefined && !names.has(store) ? [{ store, at: r.source }] : [];
    });
    const outputs = ir.steps.flatMap((s) =>
      stepOutputs(s).flatMap((o) =>
        o.datastore && !names.has(o.datastore) ? [{ store: o.datastore, at: o.source }] : [],
      ),
    );
    return [...references, ...outputs].map((m) =>
      diagnostic("AP309", `datastore "${m.store}" is not declared, so its kind cannot be checked`, {
        at: m.at,
        hint: "declare it with datastore.blob(...) (or its kind)",
      }),
    );
  },
};

/** AP310: a step names an environment the pipeline does not define. */
export const unknownEnvironmentRule: Rule = {
  code: "AP310",
  examples: {
    fires: [
      {
        what: "prep runs with an environment the pipeline does not define",
        line: 10,
        mutate: (ir) => withStep(ir, "prep", { environment: "missing-env" }),
      },
    ],
    passes: [
      {
        what: "prep runs with an environment the pipeline defines",
        mutate: (ir) =>
          withStep(
            { ...ir, environments: [{ kind: "curated", name: "AzureML-sklearn", source: at(9) }] },
            "prep",
            {
              environment: "AzureML-sklearn",
            },
          ),
      },
    ],
  },
  check(ir) {
    const names = new Set(ir.environments.map((e) => e.name));
    return ir.steps
      .filter((s) => s.environment !== undefined && !names.has(s.environment))
      .map((s) =>
        diagnostic(
          "AP310",
          `step "${s.key}" uses environment "${s.environment}", which the pipeline does not define`,
          { at: s.source },
        ),
      );
  },
};
