import { diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { at, withNewStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** The example pipeline with a ParallelRunStep on `nodeCount` nodes. */
function parallelStep(ir: PipelineIR, nodeCount: number): PipelineIR {
  return withNewStep(ir, {
    type: "ParallelRunStep",
    key: "pr",
    compute: "cpu",
    sideInputs: [],
    inputs: [{ name: "i", from: "images", source: at(9) }],
    outputs: [{ name: "o", destination: "pr_o", datastore: "blob", source: at(9) }],
    parallelRunConfig: { entryScript: "s.py", nodeCount },
  });
}

/** AP405: ParallelRunStep settings: an entry script, positive sizes, one output at most used. */
export const parallelRunRule: Rule = {
  code: "AP405",
  examples: {
    fires: [{ what: "a ParallelRunStep on zero nodes", line: 9, mutate: (ir) => parallelStep(ir, 0) }],
    passes: [{ what: "a ParallelRunStep on one node", mutate: (ir) => parallelStep(ir, 1) }],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "ParallelRunStep") return [];
      const c = s.parallelRunConfig;
      const problems: string[] = [];
      // An empty entry script means the config file could not be read: AP104 already says so.
      for (const [key, value] of [
        ["node_count", c.nodeCount],
        ["process_count_per_node", c.processCountPerNode],
      ] as const) {
        if (value !== undefined && value < 1) problems.push(`${key} is ${value}; it must be at least 1`);
      }
      // The loader takes these two (it drops the extra outputs; a run with no input does nothing): warnings.
      const doubts: string[] = [];
      if (s.outputs.length > 1)
        doubts.push(`it has ${s.outputs.length} outputs, but only the first is used by ParallelRunStep`);
      if (s.inputs.length === 0) doubts.push("it has no input to split into mini-batches");
      return [
        ...problems.map((p) => diagnostic("AP405", `ParallelRunStep "${s.key}": ${p}`, { at: s.source })),
        ...doubts.map((p) =>
          diagnostic("AP405", `ParallelRunStep "${s.key}": ${p}`, { at: s.source, severity: "warning" }),
        ),
      ];
    });
  },
};
