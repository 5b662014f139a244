import { existsSync } from "node:fs";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

/** A font a graph is rendered with, and the Debian package that installs it (.ci/run does). */
export interface TestFont {
  readonly family: string;
  readonly file: string;
  readonly debianPackage: string;
}

/** Liberation Sans has Helvetica's and Arial's metrics; DejaVu Sans, Debian's sans-serif, is wider. */
export const FALLBACK_FONTS: readonly TestFont[] = [
  {
    family: "Liberation Sans",
    file: "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    debianPackage: "fonts-liberation2",
  },
  {
    family: "DejaVu Sans",
    file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    debianPackage: "fonts-dejavu-core",
  },
];

/** Pixel bounds (inclusive) of what a render painted in one colour. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a graph's nodes look like once resvg has laid out and painted them with `font`. */
export interface RenderedNode {
  readonly key: string;
  /** Where the node's label lines were painted; undefined when no glyph was. */
  readonly label?: PixelBox;
  /** Where the node's shape was painted. */
  readonly shape?: PixelBox;
  /** WCAG contrast ratio of the label's colour on the shape's fill, as rendered. */
  readonly contrast: number;
}

/** A render in RGBA, unpremultiplied. */
interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * Renders `svg` to PNG with resvg and only `font` installed (no system fonts), so the fallback the
 * SVG's font list reaches is the one measured.
 */
export function renderPng(svg: string, font: TestFont, zoom = 1): { png: Buffer; raster: Raster } {
  if (!existsSync(font.file))
    throw new Error(`${font.file} is missing: install Debian's ${font.debianPackage} (.ci/run does)`);
  const options: ResvgRenderOptions = {
    font: {
      loadSystemFonts: false,
      fontFiles: [font.file],
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
    fitTo: { mode: "zoom", value: zoom },
  };
  const image = new Resvg(svg, options).render();
  // `pixels` is a getter that copies the whole image out of resvg on every read: read it once.
  return { png: image.asPng(), raster: { width: image.width, height: image.height, pixels: image.pixels } };
}

/** Graphviz's SVG element id and the step key of every step node (`<title>step:KEY</title>`). */
function stepNodes(svg: string): { id: string; key: string; colour: number }[] {
  return [...svg.matchAll(/<g id="(node\d+)" class="node">\n<title>step:([^<]+)<\/title>/g)].map(
    ([, id, key], index) => ({ id: id as string, key: key as string, colour: index + 1 }),
  );
}

/**
 * Renders only the `parts` (element names) of every step node, each node painted in its own pure
 * red shade, and returns where each shade landed: a per-node mask made by the renderer itself.
 */
function paintedBoxes(svg: string, parts: readonly string[], font: TestFont, zoom: number) {
  const nodes = stepNodes(svg);
  const rules = nodes.map(
    ({ id, colour }) =>
      `${parts.map((part) => `#${id} > ${part}`).join(", ")} { visibility: visible; fill: rgb(${colour},0,0); stroke: rgb(${colour},0,0) }`,
  );
  const styled = svg.replace(/(<svg[^>]*>)/, `$1<style>* { visibility: hidden } ${rules.join(" ")}</style>`);
  const { raster } = renderPng(styled, font, zoom);
  const boxes = new Map<number, PixelBox>();
  forEachOpaque(raster, (x, y, offset) => {
    const { pixels } = raster;
    if (pixels[offset + 1] !== 0 || pixels[offset + 2] !== 0) return;
    const colour = pixels[offset] as number;
    const box = boxes.get(colour);
    if (!box) boxes.set(colour, { x0: x, y0: y, x1: x, y1: y });
    else Object.assign(box, grow(box, x, y));
  });
  return { nodes, boxes, raster };
}

/** Calls `visit` for every fully covered pixel (edges are blended, so their colour is not exact). */
function forEachOpaque(raster: Raster, visit: (x: number, y: number, offset: number) => void): void {
  for (let y = 0; y < raster.height; y++)
    for (let x = 0; x < raster.width; x++) {
      const offset = (y * raster.width + x) * 4;
      if (raster.pixels[offset + 3] === 255) visit(x, y, offset);
    }
}

function grow(box: PixelBox, x: number, y: number): PixelBox {
  return {
    x0: Math.min(box.x0, x),
    y0: Math.min(box.y0, y),
    x1: Math.max(box.x1, x),
    y1: Math.max(box.y1, y),
  };
}

/**
 * Lays out `svg` with `font` and measures every step node: where resvg painted its label and its
 * shape, and the contrast between the two as painted in the full render.
 */
export function renderedNodes(svg: string, font: TestFont, zoom = 2): RenderedNode[] {
  const labels = paintedBoxes(svg, ["text"], font, zoom);
  const shapes = paintedBoxes(svg, ["path", "polygon", "ellipse", "polyline"], font, zoom);
  const full = renderPng(svg, font, zoom).raster;
  return labels.nodes.map(({ key, colour }) => {
    const label = labels.boxes.get(colour);
    const shape = shapes.boxes.get(colour);
    const ink = dominantColour(full, labels.raster, colour, true);
    const fill = dominantColour(full, labels.raster, colour, false, shapes.raster);
    return { key, label, shape, contrast: ink && fill ? contrastRatio(ink, fill) : 0 };
  });
}

/**
 * The most frequent colour of `full` where the mask shows node `colour`'s label (`onLabel`), or,
 * with `shapeMask`, inside the node's shape but off its label: the label's ink or the node's fill.
 */
function dominantColour(
  full: Raster,
  labelMask: Raster,
  colour: number,
  onLabel: boolean,
  shapeMask?: Raster,
): [number, number, number] | undefined {
  const counts = new Map<number, number>();
  const mask = shapeMask ?? labelMask;
  forEachOpaque(mask, (_x, _y, offset) => {
    if (mask.pixels[offset] !== colour || mask.pixels[offset + 1] !== 0) return;
    if (!onLabel && labelMask.pixels[offset + 3] !== 0) return;
    const rgb =
      (full.pixels[offset] as number) * 65536 +
      (full.pixels[offset + 1] as number) * 256 +
      (full.pixels[offset + 2] as number);
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  });
  const [best] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return best === undefined ? undefined : [best >> 16, (best >> 8) & 255, best & 255];
}

/** The WCAG 2 contrast ratio of two sRGB colours (1 to 21; 4.5 is AA for text). */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r, g, bl] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The width and height a PNG's IHDR chunk declares. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
