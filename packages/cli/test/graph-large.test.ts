import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, FALLBACK_FONTS, pngSize, renderedNodes, renderPng } from "./rendered-graph.js";
import { runCliCaptured } from "./run-cli.js";

/** A 40-step pipeline: 13 shards of clean -> featurize -> merge, then one train reading all merges. */
function bigPipeline(): { dir: string; steps: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-graph40-"));
  const steps: string[] = [];
  const step = (name: string, inputs: Record<string, string>, output?: string) => {
    steps.push(name);
    const bound = Object.entries(inputs).map(([k, v]) => `${k}: {source: ${v}}`);
    return `    ${name}:\n      type: PythonScriptStep\n      script_name: s.py\n      source_directory: .\n      compute: local\n      inputs: {${bound.join(", ")}}\n${output ? `      outputs: {o: {destination: ${output}}}\n` : ""}`;
  };
  let yaml =
    "pipeline:\n  name: big40\n  data_references:\n    raw: {datastore: workspaceblobstore, path_on_datastore: raw}\n  steps:\n";
  for (let i = 0; i < 13; i++)
    yaml += [
      step(`clean_shard_${i}`, { i: "raw" }, `clean_${i}`),
      step(`featurize_shard_${i}`, { i: `clean_${i}` }, `feat_${i}`),
      step(`merge_${i}`, { i: `feat_${i}` }, `merged_${i}`),
    ].join("");
  yaml += step("train", Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`m${i}`, `merged_${i}`])));
  writeFileSync(join(dir, "pipeline.yaml"), yaml);
  writeFileSync(join(dir, "s.py"), "print(1)\n");
  return { dir, steps };
}

describe("amlpipe graph of a large pipeline", () => {
  it("given 40 steps, renders an SVG that fits a screen, names every step, has a legend, and lists Helvetica's fallbacks before DejaVu Sans, the widest, which it is laid out for", async () => {
    const { dir, steps } = bigPipeline();
    expect(steps).toHaveLength(40);
    const run = await runCliCaptured(["graph", "pipeline.yaml", "--format", "svg", "-o", "dag.svg"], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(join(dir, "dag.svg"), "utf8");
    const [, width, height] = /<svg width="(\d+)pt" height="(\d+)pt"/.exec(svg) ?? [];
    expect(Number(width)).toBeLessThanOrEqual(1400);
    expect(Number(height)).toBeLessThanOrEqual(1000);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const step of steps) expect(texts, step).toContain(step);
    // Its steps name `local`, which the YAML does not declare as a compute.
    for (const entry of [
      "legend",
      "step on an undeclared compute",
      "data reference",
      "intermediate data",
      "ordering only",
    ])
      expect(texts, entry).toContain(entry);
    expect(svg).not.toContain('font-family="DejaVu Sans"');
    expect(svg).toContain(`font-family="Helvetica,Arial,'Liberation Sans','DejaVu Sans',sans-serif"`);
  });

  it.each(FALLBACK_FONTS)(
    "given 40 steps rendered to PNG with $family only, the image is within bounds and every step's label is painted inside its box, in readable contrast",
    async (font) => {
      const { dir, steps } = bigPipeline();
      const run = await runCliCaptured(["graph", "pipeline.yaml", "--format", "svg", "-o", "dag.svg"], {
        cwd: dir,
      });
      expect(run.code, run.stderr).toBe(0);
      const svg = readFileSync(join(dir, "dag.svg"), "utf8");
      const { png } = renderPng(svg, font);
      writeFileSync(join(dir, "dag.png"), png);
      // 1400 x 1000 pt at 96 dpi, resvg's default.
      const size = pngSize(png);
      expect(size.width).toBeLessThanOrEqual(1867);
      expect(size.height).toBeLessThanOrEqual(1333);
      const nodes = renderedNodes(svg, font);
      expect(nodes.map((n) => n.key).sort()).toEqual([...steps].sort());
      for (const node of nodes) {
        expect(node.label, `${node.key}: no glyph painted`).toBeDefined();
        const { label, shape } = node as Required<typeof node>;
        // At least 2 pt (5 px at zoom 2, 4/3 px per pt) between the label and its box's sides.
        const inside =
          label.x0 - shape.x0 >= 5 && shape.x1 - label.x1 >= 5 && label.y0 > shape.y0 && label.y1 < shape.y1;
        expect(inside, `${node.key}: label ${JSON.stringify(label)} overflows ${JSON.stringify(shape)}`).toBe(
          true,
        );
        expect(node.contrast, node.key).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it("given colours, the contrast ratio is WCAG's", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it("given 40 steps, the DOT is compact; given a few, it is not", async () => {
    const { dir } = bigPipeline();
    const big = await runCliCaptured(["graph", "pipeline.yaml", "--format", "dot"], { cwd: dir });
    expect(big.stdout).toContain("nodesep=0.15; ranksep=0.3;");
    const small = await runCliCaptured(["graph", "examples/demo/pipeline.ts", "--format", "dot"], {
      cwd: new URL("../../..", import.meta.url).pathname,
    });
    expect(small.stdout).not.toContain("nodesep");
    expect(small.stdout).toContain("subgraph cluster_legend");
  });
});
