// One measured CLI run in this fresh process: `node bench/measure.mjs cli <amlpipe args...>` runs the
// command in-process (output discarded) and prints JSON { ms, cpuMs, peakMb, exitCode } for the whole
// process so far, module loading included. Peak memory is this process's max RSS.
import { performance } from "node:perf_hooks";

const cpu0 = process.cpuUsage();
const [what, ...args] = process.argv.slice(2);
if (what !== "cli") throw new Error(`unknown measurement "${what}"`);
const { runCli } = await import(new URL("../packages/cli/dist/program.js", import.meta.url).href);
const exitCode = await runCli(args, {
  stdout: () => true,
  stderr: () => true,
  cwd: process.cwd(),
  env: process.env,
  isTTY: false,
  stderrColors: false,
});
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    exitCode,
  })}\n`,
);
