// CLI cold start: `amlpipe --version` and `amlpipe compile <demo>` against `node -e 0`, whole processes,
// paired (node, amlpipe, node, amlpipe, ...) so each ratio is taken under the same load.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goal, median, ms, paired, ratioText, timeCommand, wallOnce } from "./harness.mjs";

export const title = "CLI cold start";

export async function run({ root, runs }) {
  const bin = join(root, "packages/cli/dist/bin.js");
  const out = mkdtempSync(join(tmpdir(), "amlpipe-bench-"));
  const node = () => wallOnce(process.execPath, ["-e", "0"]);
  try {
    // Warm the file cache and the compile cache of the shared machine before anything is measured.
    timeCommand(process.execPath, [bin, "--version"], { runs: 1, warmup: 1 });
    const version = await paired(runs, () => wallOnce(process.execPath, [bin, "--version"]), node);
    const demo = "examples/demo/pipeline.ts";
    const compile = await paired(
      Math.max(5, Math.ceil(runs / 2)),
      () => wallOnce(process.execPath, [bin, "compile", demo, "-o", out], { cwd: root }),
      node,
    );
    const markdown = [
      `Whole processes, each paired with a \`node -e 0\` run just before it; ratios pair by pair, median (range).`,
      "",
      "| command | median wall time | `node -e 0` (median) | ratio to `node -e 0` | pairs |",
      "|---|---|---|---|---|",
      `| \`amlpipe --version\` | ${ms(median(version.a))} | ${ms(median(version.b))} | ${ratioText(version.ratios)} | ${runs} |`,
      `| \`amlpipe compile ${demo}\` | ${ms(median(compile.a))} | ${ms(median(compile.b))} | ${ratioText(compile.ratios)} | ${compile.ratios.length} |`,
    ].join("\n");
    return {
      markdown,
      goals: [
        goal(
          "version-start",
          "`amlpipe --version` / `node -e 0`",
          median(version.ratios),
          2,
          "lower",
          version.ratios,
        ),
        goal(
          "compile-start",
          "`amlpipe compile` of the demo / `node -e 0`",
          median(compile.ratios),
          5,
          "lower",
          compile.ratios,
        ),
      ],
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
