import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { project, SLEEPER_PY } from "./local-fixture.js";

const BIN = new URL("../../cli/dist/bin.js", import.meta.url).pathname;

/** slow (sleeps `seconds`, a parameter) -> next; and `other`, which waits on nothing but slow too. */
function interruptible() {
  const step = (name: string, extra: string) =>
    `    ${name}:\n      type: PythonScriptStep\n      script_name: sleep.py\n      source_directory: ../steps\n      arguments: [output:o, parameter:seconds]\n      parameters: {seconds: {source: seconds}}\n      outputs: {o: {destination: ${name}_o}}\n${extra}`;
  return project({
    "steps/sleep.py": SLEEPER_PY,
    "out/pipeline.yaml": `pipeline:\n  name: interrupt\n  parameters:\n    seconds: {type: float, default: 2}\n  steps:\n${step("slow", "")}${step("next", "      inputs: {i: {source: slow_o}}\n")}`,
  });
}

/** Starts `amlpipe run` in a process group of its own, as a shell starts a foreground job. */
function startRun(root: string, args: string[] = []): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, "run", "out", "-j", "1", ...args], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return { child, stderr: () => stderr };
}

/** The statuses of the newest run's steps in run.json, by key. */
function statuses(root: string): Record<string, string> {
  const runsDir = join(root, ".amlpipe", "runs");
  const newest = existsSync(runsDir) ? readdirSync(runsDir).sort().at(-1) : undefined;
  const file = newest ? join(runsDir, newest, "run.json") : "";
  if (!file || !existsSync(file)) return {};
  const record = JSON.parse(readFileSync(file, "utf8")) as { steps: { key: string; status: string }[] };
  return Object.fromEntries(record.steps.map((s) => [s.key, s.status]));
}

/** Waits until run.json shows `key` running. */
async function untilRunning(root: string, key: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    if (statuses(root)[key] === "running") return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${key} never started`);
}

/** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
const ctrlC = (child: ChildProcess) => process.kill(-(child.pid as number), "SIGINT");

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolvePromise) => child.on("exit", (code) => resolvePromise(code)));

describe("Ctrl-C during a local run", () => {
  it("given one Ctrl-C, starts nothing more, lets the running step finish (the terminal's SIGINT does not reach it), records the rest canceled and exits 130; a rerun goes on", async () => {
    const { root } = interruptible();
    const run = startRun(root);
    const ended = exitCode(run.child);
    await untilRunning(root, "slow");
    ctrlC(run.child);
    expect(await ended).toBe(130);
    expect(statuses(root)).toEqual({ slow: "succeeded", next: "canceled" });
    expect(run.stderr()).toContain("interrupted: no step starts now; running steps finish");
    expect(run.stderr()).toContain("run it again to go on");
    const rerun = spawnSync(process.execPath, [BIN, "run", "out", "--json", "--param", "seconds=0.1"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(rerun.status).toBe(0);
    expect(statuses(root)).toEqual({ slow: "succeeded", next: "succeeded" });
  }, 60_000);

  it("given a second Ctrl-C, kills the running step at once and records it canceled, not failed", async () => {
    const { root } = interruptible();
    const run = startRun(root, ["--param", "seconds=60"]);
    const ended = exitCode(run.child);
    await untilRunning(root, "slow");
    const started = Date.now();
    ctrlC(run.child);
    await new Promise((r) => setTimeout(r, 300));
    ctrlC(run.child);
    expect(await ended).toBe(130);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(statuses(root)).toEqual({ slow: "canceled", next: "canceled" });
    expect(run.stderr()).toContain("killed: the run was interrupted twice");
  }, 60_000);
});
