import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningEmulator, startArmEmulator } from "@amlpipe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
let emulator: RunningEmulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startArmEmulator();
  env = { AMLPIPE_EMULATOR: emulator.url };
  const out = mkdtempSync(join(tmpdir(), "amlpipe-jobs-"));
  const compiled = await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], {
    cwd: root,
  });
  expect(compiled.code, compiled.stderr).toBe(0);
  dir = join(out, "aml-cluster-training");
});
afterAll(() => emulator.close());

/** Submits the example under a submission id (and tags); returns the job's name. */
async function submitted(id: string, ...tags: string[]): Promise<string> {
  const args = ["submit", dir, "--submission-id", id, "--json", ...tags.flatMap((t) => ["--tag", t])];
  const run = await runCliCaptured(args, { cwd: root, env });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).job.name as string;
}

const cli = (...args: string[]) => runCliCaptured(["jobs", ...args], { cwd: root, env });

describe("amlpipe jobs against the emulator", () => {
  it("given a submitted pipeline, list shows it, show gives its Studio link and steps, logs --follow streams its steps until it completes (exit 0)", async () => {
    const name = await submitted("jobs-1");
    const list = await cli("list");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.split("\n")[0]).toMatch(/^NAME +TYPE +STATUS +EXPERIMENT +CREATED$/);
    expect(list.stdout).toMatch(new RegExp(`${name} +Pipeline +NotStarted +aml-cluster-training`));
    expect(JSON.parse((await cli("list", "--json")).stdout)).toMatchObject([{ name, jobType: "Pipeline" }]);

    const show = await cli("show", name);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`studio: https://ml.azure.com/runs/${name}?wsid=/subscriptions/`);
    const nodes = Object.keys(
      emulator.state.workspace("00000000-0000-0000-0000-000000000000", "emulator-rg", "emulator-ws").jobs[
        name
      ]?.properties.jobs as object,
    );
    expect(nodes.length).toBeGreaterThan(0);
    expect(show.stdout).toContain(`steps (${nodes.length}):`);
    for (const node of nodes) expect(show.stdout).toMatch(new RegExp(`\\n    ${node} +command +cpu-cluster`));

    const logs = await cli("logs", name, "--follow");
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stderr).toContain(`job ${name}: Completed`);
    // The execution log names each step run, in the service's words; each step's own log follows.
    const runIds = nodes.map((node) => {
      const id = new RegExp(`Submitting \\d+ runs, first five are: .*\\b${node}:([0-9a-f-]{36})`).exec(
        logs.stdout,
      )?.[1];
      expect(id, node).toBeDefined();
      expect(logs.stdout).toMatch(new RegExp(`\\n\\[${node}\\] \\[amlpipe emulator\\] \\S+ would run: `));
      expect(logs.stdout).toMatch(new RegExp(`\\n\\[${node}\\] \\[amlpipe emulator\\] \\S+ Completed\\n`));
      expect(logs.stdout).toContain(`Completing processing run id ${id}.`);
      return id as string;
    });
    expect(logs.stdout).toContain("Finishing experiment: no runs left and nothing to schedule.");
    // Without --follow, the same lines (the pipeline's first, then each step's).
    const again = await cli("logs", name);
    const sorted = (text: string) => text.trimEnd().split("\n").sort();
    expect(sorted(again.stdout)).toEqual(sorted(logs.stdout));
    // A step run is a job of its own: show and logs take its name; the workspace's list leaves it out.
    const step = await cli("show", runIds[0] as string);
    expect(step.code, step.stderr).toBe(0);
    expect(step.stdout).toMatch(/Command/);
    const stepLog = await cli("logs", runIds[0] as string);
    expect(stepLog.stdout).toMatch(/would run: /);
    const listed = JSON.parse((await cli("list", "--json")).stdout) as { name: string }[];
    for (const id of runIds) expect(listed.map((j) => j.name)).not.toContain(id);
  });

  it("given a job that fails, logs --follow exits 1 and the log ends with the failure", async () => {
    const name = await submitted("jobs-2", "amlpipe.emulator.outcome=Failed");
    const logs = await cli("logs", name, "--follow");
    expect(logs.code).toBe(1);
    expect(logs.stderr).toContain(`job ${name}: Failed`);
    // The failed step's tail closes the output: the step, its job, and the failure.
    expect(logs.stdout).toMatch(/\nstep \S+ failed \(job [0-9a-f-]{36}\); the end of its log:\n/);
    expect(logs.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^ {2}\[amlpipe emulator\] \S+ Failed: tagged amlpipe\.emulator\.outcome=Failed$/,
    );
  });

  it("given a running job, cancel ends it Canceled; a second cancel says it had ended; an unknown name exits 1 naming the workspace", async () => {
    const name = await submitted("jobs-3");
    const cancel = await cli("cancel", name);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stderr).toContain(`job ${name}: Canceled`);
    const twice = await cli("cancel", name, "--json");
    expect(JSON.parse(twice.stdout)).toEqual({ name, outcome: "ended", status: "Canceled" });
    for (const verb of ["show", "cancel", "logs"]) {
      const missing = await cli(verb, "no-such-job");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('workspace "emulator-ws" has no job "no-such-job"');
    }
  });

  it("given a follow interrupted by Ctrl-C, stops following at once, leaves the job running and exits 130", async () => {
    const name = await submitted("jobs-4");
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const logs = await runCliCaptured(["jobs", "logs", name, "--follow"], {
      cwd: root,
      env: { ...env, AMLPIPE_POLL_MS: "60000" },
      interrupts: () => ({ stop: stop.signal, kill: new AbortController().signal }),
    });
    expect(logs.code).toBe(130);
    expect(logs.stderr).toContain(`stopped following; job ${name} keeps running`);
  });

  it.each(["abc", "0", "1.5", ""])(
    "given AMLPIPE_POLL_MS=%j, jobs and submit refuse it with exit 2 naming the variable (it polled every 1 ms as NaN)",
    async (value) => {
      for (const args of [
        ["jobs", "list"],
        ["submit", dir],
      ]) {
        const run = await runCliCaptured(args, { cwd: root, env: { ...env, AMLPIPE_POLL_MS: value } });
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(
          `AMLPIPE_POLL_MS is "${value}": give the poll interval as whole milliseconds`,
        );
      }
    },
  );

  it("given a pipeline submitted with --wait, streams its execution log and each step's own log as it goes", async () => {
    const run = await runCliCaptured(["submit", dir, "--wait", "--submission-id", "jobs-5"], {
      cwd: root,
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\n {2}\| \[\S+ \S+\] Submitting \d+ runs, first five are: /);
    expect(run.stderr).toMatch(/\n {2}\| \[\w+\] \[amlpipe emulator\] \S+ would run: /);
    expect(run.stderr).toMatch(/ {2}https:\/\/ml\.azure\.com\/runs\//);
  });
});
