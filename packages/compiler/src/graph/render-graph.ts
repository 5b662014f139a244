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
  const kinds = [
    ...new Set(graph.nodes.flatMap((n) => (n.kind === "step" ? [n.computeKind ?? "unknown"] : []))),
  ];
  for (const kind of kinds) lines.push(`  classDef ${kind} fill:${computeColour(kind)},stroke:#333`);
  for (const n of graph.nodes)
    if (n.kind === "step") lines.push(`  class ${safeId(n.id)} ${n.computeKind ?? "unknown"}`);
  return `${lines.join("\n")}\n`;
}

/** The graph in Graphviz DOT (for `dot -Tsvg`, or amlpipe's own SVG rendering). */
export function renderDot(graph: PipelineGraph): string {
  const lines = [
    `digraph "${dotText(graph.name)}" {`,
    "  rankdir=LR;",
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
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
