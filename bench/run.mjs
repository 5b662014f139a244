// `pnpm bench`: runs every bench/*.bench.mjs in name order (or those named on the command line) and
// writes docs/benchmarks.md with the machine and date. Each module exports `title` and
// `run({ root, runs }) -> { markdown, goals }`: its goals (bench/harness.mjs `goal`) are checked
// against the issue's targets and against bench/baseline.json, the last accepted run. A goal that got
// worse than its baseline by more than the noise recorded for it ends the run with exit code 1.
// `--accept` records this run's values as the new baseline. Running a subset keeps the other sections.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineLine } from "./harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const accept = args.includes("--accept");
const only = args.filter((a) => !a.startsWith("--"));
const runs = Number(process.env.AMLPIPE_BENCH_RUNS ?? 10);
const page = join(root, "docs/benchmarks.md");
const baselineFile = join(root, "bench/baseline.json");
/** The least tolerance of a regression check: below this, a shared machine's noise. */
const TOLERANCE_FLOOR = 0.1;

const files = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

/** The sections of the page as written last time, by title (kept when only some benches run). */
function previousSections() {
  if (!existsSync(page)) return new Map();
  const text = readFileSync(page, "utf8");
  const sections = new Map();
  for (const part of text.split(/^## /m).slice(1)) {
    const title = part.slice(0, part.indexOf("\n"));
    sections.set(title, `## ${part.trimEnd()}\n`);
  }
  return sections;
}

// A full run writes every section afresh (a renamed bench leaves nothing stale behind).
const sections = only.length === 0 ? new Map() : previousSections();
// A subset run keeps the last full run's goal table (its own goals are printed below).
const previousGoals = only.length === 0 ? undefined : sections.get("Goals");
sections.delete("Goals");
const goals = [];
for (const file of files) {
  const module = await import(pathToFileURL(join(root, "bench", file)).href);
  process.stderr.write(`bench: ${module.title} (${file})...\n`);
  const started = performance.now();
  const result = await module.run({ root, runs });
  process.stderr.write(
    `bench: ${module.title} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  sections.set(module.title, `## ${module.title}\n\n${result.markdown}\n`);
  goals.push(...result.goals);
}

const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")) : {};
const met = (g) => (g.better === "higher" ? g.value >= g.target : g.value <= g.target);
/** How much worse than its baseline a goal is, as a fraction (0.2 = 20 % worse); 0 when not worse. */
const worse = (g, base) =>
  g.better === "higher" ? Math.max(0, 1 - g.value / base.value) : Math.max(0, g.value / base.value - 1);
const regressions = goals.filter((g) => {
  const base = baseline[g.id];
  if (!base) return false;
  return worse(g, base) > Math.max(TOLERANCE_FLOOR, 2 * base.noise, 2 * g.noise);
});

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const goalRows = goals.map((g) => {
  const base = baseline[g.id];
  return `| ${g.label} | ${g.better === "higher" ? "≥" : "≤"} ${fmt(g.target)} | ${fmt(g.value)} (±${(g.noise * 100).toFixed(0)} %) | ${base ? fmt(base.value) : "none"} | ${met(g) ? "met" : "**not met**"}${regressions.includes(g) ? ", **regressed**" : ""} |`;
});
const goalSection = [
  "## Goals",
  "",
  "Each goal of issue 20 as this run measured it (ratios in the same run; ± is half the range of its",
  "samples). `pnpm bench` exits 1 when a goal is worse than its baseline (bench/baseline.json) by more",
  `than twice the noise (at least ${TOLERANCE_FLOOR * 100} %).`,
  "",
  "| goal | target | this run | baseline | |",
  "|---|---|---|---|---|",
  ...goalRows,
  "",
].join("\n");

const text = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (bench/run.mjs); numbers are medians, comparisons are ratios measured in the same run.",
  "",
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machineLine()}`,
  "",
  ...(only.length === 0 ? [goalSection] : previousGoals ? [previousGoals] : []),
  ...sections.values(),
].join("\n");
writeFileSync(page, text);
process.stdout.write(`${goalSection}\n`);

if (accept) {
  const next = { ...baseline };
  for (const g of goals) next[g.id] = { value: g.value, noise: g.noise };
  writeFileSync(baselineFile, `${JSON.stringify(next, null, 2)}\n`);
  process.stderr.write(`bench: baseline recorded for ${goals.length} goals\n`);
} else if (regressions.length > 0) {
  process.stderr.write(
    `bench: ${regressions.length} goal(s) regressed beyond their noise:\n${regressions.map((g) => `  ${g.label}: ${fmt(g.value)} (baseline ${fmt(baseline[g.id].value)})`).join("\n")}\n`,
  );
  process.exitCode = 1;
}
