import { resolve } from "node:path";
import {
  diffPipelines,
  GRAPH_LAYOUT_FONT,
  hasChanges,
  type PipelineIR,
  pipelineGraph,
  renderDiffMarkdown,
  renderDot,
  renderMermaid,
} from "@amlpipe/compiler";
import { appendStepSummary } from "../ci/step-summary.js";
import { type CliIo, ExitCode, type ExitCodeValue } from "../cli-io.js";
import type { GraphOptions } from "../commands/graph.js";
import { loadLimits } from "../load/load-isolated.js";
import { loadPipelineInputs } from "../load/load-pipeline-inputs.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { writeOutputFile } from "../write-output-file.js";

async function loadOne(input: string, io: CliIo, name?: string): Promise<PipelineIR | undefined> {
  const loaded = await loadPipelineInputs(input, {
    root: resolve(io.cwd),
    missingFileSeverity: "warning",
    limits: loadLimits(io.env),
  });
  printDiagnostics(
    io,
    loaded.diagnostics.filter((d) => d.severity === "error"),
    "human",
  );
  // Several pipelines and no --pipeline: say so, never draw the first silently.
  if (!name && loaded.units.length > 1) {
    io.stderr(
      `error: "${input}" holds ${loaded.units.length} pipelines (${loaded.units.map((u) => u.ir.name).join(", ")}); choose one with --pipeline NAME\n`,
    );
    return undefined;
  }
  const unit = name ? loaded.units.find((u) => u.ir.name === name) : loaded.units[0];
  if (!unit) io.stderr(`error: no pipeline${name ? ` named "${name}"` : ""} in ${input}\n`);
  return unit?.ir;
}

/** The fonts the SVG asks for, in order. */
export const GRAPH_FONT_FAMILIES = `Helvetica,Arial,'Liberation Sans','${GRAPH_LAYOUT_FONT}',sans-serif`;

/**
 * Renders DOT to SVG offline with Graphviz compiled to WebAssembly (no browser, no server). Graphviz
 * sizes labels for DejaVu Sans (`GRAPH_LAYOUT_FONT`), the widest usual fallback; the SVG asks for
 * Helvetica, then Arial or Liberation Sans (the same metrics, a little narrower), then DejaVu Sans,
 * so whichever a viewer has, labels fit their boxes.
 */
export async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import("@viz-js/viz");
  const svg = (await instance()).renderString(dot, { format: "svg" });
  return svg.replaceAll(`font-family="${GRAPH_LAYOUT_FONT}"`, `font-family="${GRAPH_FONT_FAMILIES}"`);
}

/** The action of `amlpipe graph`: draws one pipeline, or the diff of two versions. */
export async function graphAction(
  io: CliIo,
  setExit: (code: ExitCodeValue) => void,
  input: string,
  other: string | undefined,
  options: GraphOptions,
): Promise<void> {
  if (options.diff) {
    if (!other) {
      io.stderr("error: --diff needs two inputs: the old and the new version\n");
      setExit(ExitCode.usage);
      return;
    }
    const before = await loadOne(input, io, options.pipeline);
    const after = await loadOne(other, io, options.pipeline);
    if (!before || !after) {
      setExit(ExitCode.failed);
      return;
    }
    const diff = diffPipelines(before, after);
    const markdown = renderDiffMarkdown(diff, after.name);
    appendStepSummary(io, markdown);
    const text = options.json ? `${JSON.stringify(diff, null, 2)}\n` : markdown;
    if (options.out) writeOutputFile(resolve(io.cwd, options.out), text);
    else io.stdout(text);
    setExit(options.exitCode && hasChanges(diff) ? ExitCode.changesFound : ExitCode.ok);
    return;
  }
  if (other) {
    io.stderr(`error: unexpected second input "${other}" (did you mean --diff?)\n`);
    setExit(ExitCode.usage);
    return;
  }
  const ir = await loadOne(input, io, options.pipeline);
  if (!ir) {
    setExit(ExitCode.failed);
    return;
  }
  const graph = pipelineGraph(ir);
  const text =
    options.format === "mermaid"
      ? renderMermaid(graph)
      : options.format === "dot"
        ? renderDot(graph)
        : await renderSvg(renderDot(graph));
  if (options.out) writeOutputFile(resolve(io.cwd, options.out), text);
  else io.stdout(text);
  setExit(ExitCode.ok);
}
