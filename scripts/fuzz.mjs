// The big fuzz campaign: `node scripts/fuzz.mjs [runs]` (default 100,000) runs the reader/rules/formatter
// property over that many generated documents and prints the count and the wall time.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = process.argv[2] ?? "100000";
const started = performance.now();
const result = spawnSync(
  "npx",
  ["--yes", "pnpm@10.34.8", "exec", "vitest", "run", "packages/compiler/test/fuzz.test.ts"],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, AMLPIPE_FUZZ_RUNS: runs },
  },
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
process.stdout.write(
  `\nfuzz: ${runs} documents, ${result.status === 0 ? "all ended in coded diagnostics" : "FAILED"}, ${seconds} s\n`,
);
process.exit(result.status ?? 1);
