import { diagnostic } from "../diagnostics/diagnostic.js";
import { computeOf, producersOf, stepOutputs } from "../ir/step-bindings.js";
import { at, withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The example pipeline with a ParallelRunStep on the AML cluster reading `from`, with `outputs`. */
function parallelStep(from: string, outputs: readonly unknown[]) {
  return (ir: Parameters<typeof withNewStep>[0]) =>
    withNewStep(ir, {
      type: "ParallelRunStep",
      key: "pr",
      compute: "cpu",
      sideInputs: [],
      inputs: [{ name: "i", from, source: at(9) }],
      outputs,
      parallelRunConfig: {
        entryScript: "s.py",
        errorThreshold: -1,
        outputAction: "append_row",
        nodeCount: 1,
      },
    });
}

const OUTPUT = [{ name: "o", destination: "pr_o", datastore: "blob", source: at(9) }];

/**
 * AP409 (v1 target): a ParallelRunStep the SDK v1 loader cannot build. It makes the step's compute
 * `AmlCompute(ws, name)` (so only an AML cluster works), passes `output=output_list[0]` (so it needs an
 * output), and reads `input.dataset` of every input (so each must be a registered dataset, or another
 * step's output written as a dataset, which amlpipe does for outputs a ParallelRunStep reads).
 */
export const parallelLoaderRule: Rule = {
  code: "AP409",
  targets: ["v1"],
  examples: {
    fires: [
      { what: "a ParallelRunStep reading a datastore path", line: 9, mutate: parallelStep("raw", OUTPUT) },
      { what: "a ParallelRunStep with no output", line: 9, mutate: parallelStep("images", []) },
    ],
    passes: [
      {
        what: "a ParallelRunStep reading a registered dataset, with an output",
        mutate: parallelStep("images", OUTPUT),
      },
    ],
  },
  check(ir) {
    const producers = producersOf(ir);
    return ir.steps.flatMap((step) => {
      if (step.type !== "ParallelRunStep") return [];
      const problems: string[] = [];
      const compute = computeOf(ir, step);
      if (compute && !["aml_cluster", "local", "unknown"].includes(compute.kind))
        problems.push(
          `it runs on "${compute.name}", a ${compute.kind} compute, which the loader makes an AmlCompute`,
        );
      if (step.outputs.length === 0)
        problems.push("it has no output, and the loader passes it output_list[0]");
      for (const input of step.inputs) {
        const reference = ir.dataReferences.find((r) => r.name === input.from);
        const producer = producers.get(input.from)?.[0];
        const output = producer && stepOutputs(producer).find((o) => o.destination === input.from);
        const dataset = reference?.kind === "dataset" || output?.asDataset === true;
        if (!dataset)
          problems.push(
            `input "${input.name}" reads "${input.from}", ${reference ? "a datastore path" : output ? "intermediate data not written as a dataset" : "which is not a dataset"}; the loader needs a dataset there`,
          );
      }
      return problems.map((p) =>
        diagnostic("AP409", `ParallelRunStep "${step.key}": ${p}`, {
          at: step.source,
          hint: "run it on an AML cluster, give it an output, and read a registered dataset (dataset(...)) or another step's output",
        }),
      );
    });
  },
};
