// `pnpm bench`: runs every bench/*.bench.mjs in name order (or those named on the command line) and
// writes docs/benchmarks.md with the machine and date. Each module exports `title` and
// `run({ root, runs }) -> markdown`.
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineLine } from "./harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const runs = Number(process.env.AMLPIPE_BENCH_RUNS ?? 10);
const files = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections = [];
for (const file of files) {
  const module = await import(pathToFileURL(join(root, "bench", file)).href);
  process.stderr.write(`bench: ${module.title} (${file})...\n`);
  const started = performance.now();
  const markdown = await module.run({ root, runs });
  process.stderr.write(
    `bench: ${module.title} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  sections.push(`## ${module.title}\n\n${markdown}\n`);
}

const page = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (bench/run.mjs); numbers are medians, comparisons are ratios measured in the same run.",
  "",
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machineLine()}`,
  "",
  ...sections,
].join("\n");
writeFileSync(join(root, "docs/benchmarks.md"), page);
process.stdout.write(page);
