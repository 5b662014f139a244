import type { PipelineIR } from "../ir/pipeline.js";
import type { StepIR } from "../ir/step.js";
import { type GraphEdge, pipelineGraph } from "./pipeline-graph.js";

/** What changed between two versions of a pipeline. */
export interface PipelineDiff {
  readonly addedSteps: readonly string[];
  readonly removedSteps: readonly string[];
  /** Changed steps with the fields that differ. */
  readonly changedSteps: readonly { readonly step: string; readonly fields: readonly string[] }[];
  readonly addedEdges: readonly string[];
  readonly removedEdges: readonly string[];
}

const edgeText = (e: GraphEdge) =>
  `${e.from.replace(/^\w+:/, "")} -> ${e.to.replace(/^\w+:/, "")}${e.kind === "after" ? " (after)" : ""}`;

/** The fields of a step that differ, ignoring source positions. */
function changedFields(a: StepIR, b: StepIR): string[] {
  const strip = (s: StepIR) =>
    JSON.parse(
      JSON.stringify(s, (k, v) => (k === "source" || k === "unknownKeys" ? undefined : v)),
    ) as Record<string, unknown>;
  const left = strip(a);
  const right = strip(b);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]))
    .sort();
}

/** Compares two pipelines: added, removed and changed steps (with what changed) and edges. */
export function diffPipelines(before: PipelineIR, after: PipelineIR): PipelineDiff {
  const oldSteps = new Map(before.steps.map((s) => [s.key, s]));
  const newSteps = new Map(after.steps.map((s) => [s.key, s]));
  const oldEdges = new Set(pipelineGraph(before).edges.map(edgeText));
  const newEdges = new Set(pipelineGraph(after).edges.map(edgeText));
  return {
    addedSteps: [...newSteps.keys()].filter((k) => !oldSteps.has(k)),
    removedSteps: [...oldSteps.keys()].filter((k) => !newSteps.has(k)),
    changedSteps: [...newSteps].flatMap(([key, step]) => {
      const old = oldSteps.get(key);
      const fields = old ? changedFields(old, step) : [];
      return fields.length > 0 ? [{ step: key, fields }] : [];
    }),
    addedEdges: [...newEdges].filter((e) => !oldEdges.has(e)).sort(),
    removedEdges: [...oldEdges].filter((e) => !newEdges.has(e)).sort(),
  };
}

/** Whether a diff found anything. */
export function hasChanges(diff: PipelineDiff): boolean {
  return (
    diff.addedSteps.length +
      diff.removedSteps.length +
      diff.changedSteps.length +
      diff.addedEdges.length +
      diff.removedEdges.length >
    0
  );
}

/** The diff as Markdown, ready for a pull-request comment. */
export function renderDiffMarkdown(diff: PipelineDiff, name: string): string {
  if (!hasChanges(diff)) return `${code(name)}: no changes\n`;
  const lines = [`${code(name)}: pipeline changes`, ""];
  for (const s of diff.addedSteps) lines.push(`- added step ${code(s)}`);
  for (const s of diff.removedSteps) lines.push(`- removed step ${code(s)}`);
  for (const c of diff.changedSteps)
    lines.push(`- changed step ${code(c.step)}: ${c.fields.map(code).join(", ")}`);
  for (const e of diff.addedEdges) lines.push(`- added edge ${code(e)}`);
  for (const e of diff.removedEdges) lines.push(`- removed edge ${code(e)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `text` as one Markdown code span that nothing in it can close: the fence is one backtick longer
 * than the longest run inside, and line breaks become spaces. Inside a code span, links, images and
 * @mentions do not render, so a step name cannot ping people or show pictures in a pull request.
 */
export function code(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || longest > 0 ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
