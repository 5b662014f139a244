// The README's main job (`pnpm start`): compile every example pipeline, validate them, then run the
// demo pipeline locally end to end and say where its outputs are. Each step runs the real CLI.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");

function amlpipe(...args) {
  process.stdout.write(`\n$ amlpipe ${args.join(" ")}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(
      `\nmain job: \`amlpipe ${args.join(" ")}\` failed with exit code ${result.status}\n`,
    );
    process.exit(result.status ?? 1);
  }
}

amlpipe("compile", "examples", "-o", "out/examples");
amlpipe("validate", "examples");
// The demo's data reference points at a blob datastore; locally, the sample file stands in for it.
amlpipe(
  "run",
  "out/examples/demo",
  "--data",
  "raw_measurements=examples/demo/data/measurements.csv",
  "--explain",
);
process.stdout.write(
  "\nmain job: done. Compiled pipelines are in out/examples/; the demo's outputs are listed above" +
    " (under .amlpipe/results/). Run it again: unchanged steps are reused.\n",
);
