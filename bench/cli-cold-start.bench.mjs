// CLI cold start: `amlpipe --version` and `amlpipe compile <demo>` against `node -e 0`, whole processes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, ms, timeCommand } from "./harness.mjs";

export const title = "CLI cold start";

export async function run({ root, runs }) {
  const bin = join(root, "packages/cli/dist/bin.js");
  const out = mkdtempSync(join(tmpdir(), "amlpipe-bench-"));
  try {
    const rows = [];
    const baseline = median(timeCommand(process.execPath, ["-e", "0"], { runs }));
    rows.push(["`node -e 0`", baseline]);
    rows.push(["`amlpipe --version`", median(timeCommand(process.execPath, [bin, "--version"], { runs }))]);
    const demo = "examples/demo/pipeline.ts";
    rows.push([
      `\`amlpipe compile ${demo}\` (median of 5)`,
      median(timeCommand(process.execPath, [bin, "compile", demo, "-o", out], { runs: 5, cwd: root })),
    ]);
    const table = [
      "| command | median wall time | ratio to `node -e 0` |",
      "|---|---|---|",
      ...rows.map(([name, value]) => `| ${name} | ${ms(value)} | ${(value / baseline).toFixed(1)}× |`),
    ];
    return `${runs} runs each after 2 warm-up runs, whole processes.\n\n${table.join("\n")}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
