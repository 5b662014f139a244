import { diagnostic } from "../diagnostics/diagnostic.js";
import type { AdlaComputeIR } from "../ir/compute.js";
import { referenceDatastore } from "../ir/data-reference.js";
import type { SourcePosition } from "../ir/source-position.js";
import { computeOf, producersOf, stepOutputs } from "../ir/step-bindings.js";
import { isExistingCompute } from "../kinds/computes/index.js";
import { at, stepOf, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP301: every input and output of an AdlaStep must live on the ADLA account's default datastore (its
 * default Data Lake Store). The fix reads the same path on that store (the data must be copied there
 * before the pipeline runs: a v1 pipeline cannot order a step after a copy).
 */
export const adlaLocalityRule: Rule = {
  code: "AP301",
  examples: {
    fires: [
      {
        what: "agg reads data prep wrote to blob, not to the account's default store",
        line: 21,
        mutate: (ir) =>
          withStep(ir, "prep", {
            outputs: [{ name: "clean", destination: "clean", datastore: "blob", source: at(13) }],
          }),
      },
      {
        what: "agg writes to blob",
        line: 22,
        mutate: (ir) =>
          withStep(ir, "agg", {
            outputs: [{ name: "summary", destination: "summary", datastore: "blob", source: at(22) }],
          }),
      },
    ],
    passes: [
      {
        what: "prep also writes to blob, but agg reads only its data on the lake",
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
    const producers = producersOf(ir);
    return ir.steps.flatMap((step) => {
      const compute = computeOf(ir, step);
      if (step.type !== "AdlaStep" || compute?.kind !== "adla") return [];
      // An existing account's default store is the workspace's to know: submit's live checks compare.
      if (isExistingCompute(compute)) return [];
      const home = (compute as AdlaComputeIR).defaultDatastore;
      const where = (from: string): string | undefined => {
        const reference = ir.dataReferences.find((r) => r.name === from);
        if (reference)
          return (
            referenceDatastore(reference) ??
            (reference.kind === "dataset" ? "a registered dataset" : "a local path")
          );
        const parameter = ir.parameters.find((p) => p.name === from);
        if (parameter && typeof parameter.default === "object") return parameter.default.datastore;
        const producer = producers.get(from)?.[0];
        const output = producer && stepOutputs(producer).find((o) => o.destination === from);
        return output ? (output.datastore ?? "the workspace default datastore") : undefined;
      };
      const misplaced: { what: string; name: string; store: string; at: SourcePosition; path?: string }[] =
        [];
      for (const input of step.inputs) {
        const store = where(input.from);
        const reference = ir.dataReferences.find((r) => r.name === input.from);
        const path = reference?.kind === "datastore_path" ? reference.pathOnDatastore : undefined;
        if (store !== undefined && store !== home)
          misplaced.push({
            what: "input",
            name: input.name,
            store,
            at: input.source,
            ...(path ? { path } : {}),
          });
      }
      for (const output of step.outputs) {
        const store = output.datastore ?? "the workspace default datastore";
        if (store !== home) misplaced.push({ what: "output", name: output.name, store, at: output.source });
      }
      return misplaced.map((m) =>
        diagnostic(
          "AP301",
          `AdlaStep "${step.key}" ${m.what} "${m.name}" is on ${m.store.startsWith("the ") || m.store.startsWith("a ") ? m.store : `"${m.store}"`}, but U-SQL on "${compute.name}" can only use its default store "${home}"`,
          {
            at: m.at,
            hint:
              m.what === "input"
                ? `read the data from "${home}": copy it there first, in an earlier pipeline (a DataTransferStep; a v1 pipeline cannot order a step after a copy, AP212)`
                : `write the output to "${home}" (set its datastore), then copy it elsewhere with a DataTransferStep if needed`,
            fix:
              m.what === "input" && m.path !== undefined && m.at.file.endsWith(".ts")
                ? {
                    description: `read "${m.name}" from "${home}" (${m.path}); copy it there before the pipeline runs`,
                    edits: [
                      {
                        kind: "read_from_store",
                        file: m.at.file,
                        line: m.at.line,
                        input: m.name,
                        datastore: home,
                        path: m.path,
                        reference: `${m.name}_on_${home}`,
                      },
                    ],
                  }
                : undefined,
          },
        ),
      );
    });
  },
};
