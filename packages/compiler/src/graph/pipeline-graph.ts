import type { ComputeKind } from "../ir/compute.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { computeOf, stepInputs, stepOutputs } from "../ir/step-bindings.js";

/** A node of the pipeline's graph: a step, a data reference (or datapath parameter), or intermediate data. */
export interface GraphNode {
  readonly id: string;
  readonly kind: "step" | "data" | "intermediate";
  readonly label: string;
  /** For steps: its type and the kind of compute it runs on. */
  readonly stepType?: string;
  readonly computeKind?: ComputeKind;
}

/** An edge: data flowing (`data`) or ordering without data (`after`). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: "data" | "after";
  readonly label?: string;
}

/** The DAG of a pipeline, as plain data that renderers and `graph --diff` use. */
export interface PipelineGraph {
  readonly name: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * Builds the DAG: step nodes (with their compute kind), data reference nodes and intermediate data
 * nodes, data edges through bindings and dashed `after` edges. Deterministic: IR order.
 */
export function pipelineGraph(ir: PipelineIR): PipelineGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const node = (n: GraphNode) => {
    if (!seen.has(n.id)) {
      seen.add(n.id);
      nodes.push(n);
    }
  };
  const produced = new Set(ir.steps.flatMap((s) => stepOutputs(s).map((o) => o.destination)));
  for (const step of ir.steps) {
    const compute = computeOf(ir, step);
    node({
      id: `step:${step.key}`,
      kind: "step",
      label: step.name,
      stepType: step.type,
      ...(compute ? { computeKind: compute.kind } : {}),
    });
  }
  for (const step of ir.steps) {
    for (const input of stepInputs(step)) {
      const id = produced.has(input.from) ? `intermediate:${input.from}` : `data:${input.from}`;
      node({ id, kind: produced.has(input.from) ? "intermediate" : "data", label: input.from });
      edges.push({ from: id, to: `step:${step.key}`, kind: "data", label: input.name });
    }
    for (const output of stepOutputs(step)) {
      node({ id: `intermediate:${output.destination}`, kind: "intermediate", label: output.destination });
      edges.push({
        from: `step:${step.key}`,
        to: `intermediate:${output.destination}`,
        kind: "data",
        label: output.name,
      });
    }
    for (const before of step.after)
      edges.push({ from: `step:${before}`, to: `step:${step.key}`, kind: "after" });
  }
  return { name: ir.name, nodes, edges };
}
