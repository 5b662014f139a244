import { computeColour } from "../kinds/computes/index.js";
import type { PipelineGraph } from "./pipeline-graph.js";

const safeId = (id: string) =>
  `n_${id.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
const mermaidText = (text: string) =>
  text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
const dotText = (text: string) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/** The graph as a Mermaid flowchart (renders in GitHub markdown and PR comments). */
export function renderMermaid(graph: PipelineGraph): string {
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    const label =
      n.kind === "step"
        ? `${mermaidText(n.label)}<br/><small>${n.stepType} on ${n.computeKind ?? "default"}</small>`
        : mermaidText(n.label);
    lines.push(
      n.kind === "step"
        ? `  ${safeId(n.id)}["${label}"]`
        : n.kind === "data"
          ? `  ${safeId(n.id)}[("${label}")]`
          : `  ${safeId(n.id)}(["${label}"])`,
    );
  }
  for (const e of graph.edges) {
    lines.push(
      e.kind === "after"
        ? `  ${safeId(e.from)} -.->|after| ${safeId(e.to)}`
        : `  ${safeId(e.from)} -->${e.label ? `|${mermaidText(e.label)}|` : ""} ${safeId(e.to)}`,
    );
  }
  const kinds = computeKinds(graph);
  lines.push("  subgraph amlpipe_legend [legend]");
  for (const kind of kinds)
    lines.push(`    amlpipe_legend_${safeId(kind)}["${mermaidText(legendLabel(kind))}"]:::${kind}`);
  lines.push(
    '    amlpipe_legend_data[("data reference")]',
    '    amlpipe_legend_intermediate(["intermediate data"])',
    "  end",
  );
  for (const kind of kinds) lines.push(`  classDef ${kind} fill:${computeColour(kind)},stroke:#333`);
  for (const n of graph.nodes)
    if (n.kind === "step") lines.push(`  class ${safeId(n.id)} ${n.computeKind ?? "unknown"}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The font Graphviz sizes labels for: DejaVu Sans, the sans-serif of most Linux desktops and the
 * widest of the fonts an SVG viewer falls back to (Graphviz's metrics make its boxes about 11 %
 * wider than Helvetica's), so a label fits whichever of them renders it. The SVG lists Helvetica
 * first (`renderSvg` in the CLI).
 */
export const GRAPH_LAYOUT_FONT = "DejaVu Sans";

/** Steps from which a graph is drawn compact: closer ranks and nodes, smaller type. */
const COMPACT_FROM_STEPS = 20;

/** A legend entry's words for a compute kind (`unknown`: a compute the pipeline does not declare). */
const legendLabel = (kind: string) =>
  kind === "unknown" ? "step on an undeclared compute" : `step on ${kind}`;

/** The compute kinds a graph's steps run on, in first-seen order (what its legend lists). */
function computeKinds(graph: PipelineGraph): string[] {
  return [...new Set(graph.nodes.flatMap((n) => (n.kind === "step" ? [n.computeKind ?? "unknown"] : [])))];
}

/**
 * The legend, a cluster of its own: one swatch per compute kind the steps use, and the shapes of
 * data references, intermediate data and ordering edges. Ids start with `amlpipe_legend:`, which no
 * graph node's id does (they are `step:`, `data:`, `intermediate:`, ...).
 */
function dotLegend(graph: PipelineGraph): string[] {
  const kinds = computeKinds(graph);
  const node = (id: string, attributes: string) => `    "amlpipe_legend:${id}" [${attributes}];`;
  return [
    "  subgraph cluster_legend {",
    `    label="legend"; style="rounded,dashed"; color="#888888"; fontname="${GRAPH_LAYOUT_FONT}"; fontsize=10;`,
    ...kinds.map((kind) =>
      node(
        kind,
        `shape=box, style="rounded,filled", fillcolor="${computeColour(kind)}", label="${dotText(legendLabel(kind))}"`,
      ),
    ),
    node("data", 'shape=cylinder, label="data reference"'),
    node("intermediate", 'shape=note, label="intermediate data"'),
    node("after_from", 'shape=plaintext, label="ordering only"'),
    node("after_to", 'shape=point, width=0.05, label=""'),
    '    "amlpipe_legend:after_from" -> "amlpipe_legend:after_to" [style=dashed];',
    "  }",
  ];
}

/**
 * The graph in Graphviz DOT (for `dot -Tsvg`, or amlpipe's own SVG rendering), with a legend. A
 * large graph (20 steps or more) is drawn compact, so 40 steps stay readable on one screen.
 */
export function renderDot(graph: PipelineGraph): string {
  const compact = graph.nodes.filter((n) => n.kind === "step").length >= COMPACT_FROM_STEPS;
  const lines = [
    `digraph "${dotText(graph.name)}" {`,
    "  rankdir=LR;",
    ...(compact ? ["  nodesep=0.15; ranksep=0.3;"] : []),
    `  node [fontname="${GRAPH_LAYOUT_FONT}", fontsize=${compact ? 10 : 11}, margin="0.12,0.05"];`,
    `  edge [fontname="${GRAPH_LAYOUT_FONT}", fontsize=9];`,
    ...dotLegend(graph),
  ];
  for (const n of graph.nodes) {
    if (n.kind === "step") {
      const fill = computeColour(n.computeKind ?? "unknown");
      lines.push(
        `  "${dotText(n.id)}" [shape=box, style="rounded,filled", fillcolor="${fill}", label="${dotText(n.label)}\\n${dotText(`${n.stepType} on ${n.computeKind ?? "default"}`)}"];`,
      );
    } else {
      lines.push(
        `  "${dotText(n.id)}" [shape=${n.kind === "data" ? "cylinder" : "note"}, label="${dotText(n.label)}"];`,
      );
    }
  }
  for (const e of graph.edges) {
    lines.push(
      `  "${dotText(e.from)}" -> "${dotText(e.to)}"${e.kind === "after" ? ' [style=dashed, label="after"]' : e.label ? ` [label="${dotText(e.label)}"]` : ""};`,
    );
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
