import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLocal } from "../src/index.js";
import { project, SLEEPER_PY, UPPER_PY } from "./local-fixture.js";

const step = (name: string, script: string, args: string, extra = "") =>
  `    ${name}:\n      type: PythonScriptStep\n      script_name: ${script}\n      source_directory: ../steps\n      arguments: [${args}]\n${extra}`;

describe("local backend", () => {
  it("given two independent steps and two jobs, runs them at the same time", async () => {
    const { root, ir } = project({
      "steps/sleep.py": SLEEPER_PY,
      "out/pipeline.yaml": `pipeline:\n  name: par\n  steps:\n${step("a", "sleep.py", 'output:o, "1"', "      outputs: {o: {destination: a_o}}\n")}${step("b", "sleep.py", 'output:o, "1"', "      outputs: {o: {destination: b_o}}\n")}`,
    });
    const { record } = await runLocal(ir, { root, compiledDir: "out", jobs: 2 });
    expect(record?.status).toBe("succeeded");
    const times = ["a", "b"].map((k) =>
      JSON.parse(
        readFileSync(join(record?.steps.find((s) => s.key === k)?.outputs?.o ?? "", "times.json"), "utf8"),
      ),
    );
    // The two intervals overlap: each started before the other ended.
    expect(times[0].start).toBeLessThan(times[1].end);
    expect(times[1].start).toBeLessThan(times[0].end);
  });

  it("given a stubbed step reading another step's output, starts it only when that step has ended (a stub does not jump the queue)", async () => {
    const { root, ir } = project({
      "steps/sleep.py": SLEEPER_PY,
      "stub/marker.txt": "given",
      "out/pipeline.yaml": `pipeline:\n  name: stubbed\n  steps:\n${step("slow", "sleep.py", 'output:o, "1"', "      outputs: {o: {destination: slow_o}}\n")}${step("given", "sleep.py", 'output:o, "0"', "      inputs: {i: {source: slow_o}}\n      outputs: {o: {destination: given_o}}\n")}`,
    });
    const { record } = await runLocal(ir, { root, compiledDir: "out", jobs: 2, stubs: { given: "stub" } });
    expect(record?.status).toBe("succeeded");
    const slow = record?.steps.find((s) => s.key === "slow");
    const given = record?.steps.find((s) => s.key === "given");
    expect(given?.status).toBe("stubbed");
    expect(Date.parse(given?.startedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(slow?.endedAt ?? ""));
  });

  it("given a failing step, skips its dependents, runs the rest, keeps finished outputs and fails the run", async () => {
    const { root, ir } = project({
      "steps/fail.py": "import sys\nprint('about to fail')\nsys.exit(3)\n",
      "steps/upper.py": UPPER_PY,
      "data/in.txt": "hello",
      "out/pipeline.yaml": `pipeline:\n  name: fails\n  data_references:\n    raw: {datastore: files, path_on_datastore: in.txt}\n  steps:\n${step("bad", "fail.py", "output:o", "      outputs: {o: {destination: bad_o}}\n")}${step("after_bad", "upper.py", "input:i, output:o", "      inputs: {i: {source: bad_o}}\n      outputs: {o: {destination: x}}\n")}${step("good", "upper.py", "input:i, output:o", "      inputs: {i: {source: raw}}\n      outputs: {o: {destination: y}}\n")}`,
    });
    const { record } = await runLocal(ir, { root, compiledDir: "out", data: { raw: "data/in.txt" } });
    const status = Object.fromEntries(record?.steps.map((s) => [s.key, s.status]) ?? []);
    expect(status).toEqual({ bad: "failed", after_bad: "skipped", good: "succeeded" });
    expect(record?.status).toBe("failed");
    const bad = record?.steps.find((s) => s.key === "bad");
    expect(bad?.exitCode).toBe(3);
    expect(readFileSync(bad?.log ?? "", "utf8")).toContain("about to fail");
    const good = record?.steps.find((s) => s.key === "good");
    expect(readFileSync(join(good?.outputs?.o ?? "", "upper.txt"), "utf8")).toBe("HELLO");
  });

  it("given an unchanged second run, reuses every step; after an input changes, re-runs and says why", async () => {
    const { root, ir } = project({
      "steps/upper.py": UPPER_PY,
      "data/in.txt": "one",
      "out/pipeline.yaml": `pipeline:\n  name: reuse\n  data_references:\n    raw: {datastore: files, path_on_datastore: in.txt}\n  steps:\n${step("up", "upper.py", "input:i, output:o", "      inputs: {i: {source: raw}}\n      outputs: {o: {destination: up_o}}\n")}`,
    });
    const options = { root, compiledDir: "out", data: { raw: "data/in.txt" } };
    expect((await runLocal(ir, options)).record?.steps[0]?.status).toBe("succeeded");
    const second = (await runLocal(ir, options)).record?.steps[0];
    expect(second?.status).toBe("reused");
    writeFileSync(join(root, "data/in.txt"), "two");
    const third = (await runLocal(ir, options)).record?.steps[0];
    expect(third?.status).toBe("succeeded");
    expect(third?.reuse).toContain("input data changed");
    expect(readFileSync(join(third?.outputs?.o ?? "", "upper.txt"), "utf8")).toBe("TWO");
  });

  it("given a step with no outputs, runs it and commits its (empty) result, so it is reused next time", async () => {
    const { root, ir } = project({
      "steps/noop.py": "print('nothing to write')\n",
      "out/pipeline.yaml": `pipeline:\n  name: no-outputs\n  steps:\n${step("noop", "noop.py", "")}`,
    });
    const first = await runLocal(ir, { root, compiledDir: "out" });
    expect(first.record?.status).toBe("succeeded");
    expect((await runLocal(ir, { root, compiledDir: "out" })).record?.steps[0]?.status).toBe("reused");
  });

  it("given a shell executable (AzureBatchStep), runs it with its arguments", async () => {
    const { root, ir } = project({
      "steps/count.sh": '#!/usr/bin/env bash\nset -e\nmkdir -p "$2"\nwc -w < "$1" > "$2/count.txt"\n',
      "data/in.txt": "a b c",
      "out/pipeline.yaml":
        "pipeline:\n  name: batch\n  data_references:\n    raw: {datastore: files, path_on_datastore: in.txt}\n  steps:\n    count:\n      type: AzureBatchStep\n      executable: count.sh\n      source_directory: ../steps\n      arguments: [input:i, output:o]\n      inputs: {i: {source: raw}}\n      outputs: {o: {destination: counted}}\n",
    });
    const { record } = await runLocal(ir, { root, compiledDir: "out", data: { raw: "data/in.txt" } });
    expect(record?.status).toBe("succeeded");
    expect(readFileSync(join(record?.steps[0]?.outputs?.o ?? "", "count.txt"), "utf8").trim()).toBe("3");
  });

  it("given a U-SQL step, refuses before anything starts, naming the step and the way out", async () => {
    const { root, ir } = project({
      "steps/upper.py": UPPER_PY,
      "steps/job.usql": "// u-sql",
      "out/pipeline.yaml": `pipeline:\n  name: usql\n  steps:\n${step("first", "upper.py", "output:o", "      outputs: {o: {destination: f}}\n")}    agg:\n      type: AdlaStep\n      script_name: job.usql\n      source_directory: ../steps\n      inputs: {i: {source: f}}\n`,
    });
    const result = await runLocal(ir, { root, compiledDir: "out" });
    expect(result.record).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      {
        code: "AP805",
        message: expect.stringContaining('"agg"'),
        hint: expect.stringContaining("--stub agg="),
      },
    ]);
    expect(existsSync(join(root, ".amlpipe", "runs"))).toBe(false);
  });

  it("given a run killed with SIGKILL mid-way, the next run reuses what finished and completes", async () => {
    const { root } = project({
      "steps/upper.py": UPPER_PY,
      "steps/sleep.py": SLEEPER_PY,
      "data/in.txt": "x",
      "out/pipeline.yaml": `pipeline:\n  name: resume\n  parameters:\n    seconds: {type: float, default: 30}\n  data_references:\n    raw: {datastore: files, path_on_datastore: in.txt}\n  steps:\n${step("fast", "upper.py", "input:i, output:o", "      inputs: {i: {source: raw}}\n      outputs: {o: {destination: fast_o}}\n")}${step("slow", "sleep.py", "output:o, parameter:seconds", "      parameters: {seconds: {source: seconds}}\n      inputs: {i: {source: fast_o}}\n      outputs: {o: {destination: slow_o}}\n")}`,
    });
    const bin = new URL("../../cli/dist/bin.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "run", "out", "--data", "raw=data/in.txt", "--json"], {
      cwd: root,
      stdio: "ignore",
    });
    const runsDir = join(root, ".amlpipe", "runs");
    // Wait until the slow step is running, then kill the whole run without warning.
    await new Promise<void>((resolvePromise, reject) => {
      const deadline = Date.now() + 20_000;
      const poll = setInterval(() => {
        const runs = existsSync(runsDir) ? readdirSync(runsDir) : [];
        const file = runs[0] ? join(runsDir, runs[0], "run.json") : "";
        const record = file && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
        if (record?.steps.find((s: { key: string }) => s.key === "slow")?.status === "running") {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolvePromise();
        } else if (Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error("slow step never started"));
        }
      }, 50);
    });
    await new Promise((r) => child.on("exit", r));
    const rerun = spawnSync(
      process.execPath,
      [bin, "run", "out", "--data", "raw=data/in.txt", "--json", "--param", "seconds=0.1"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(rerun.status).toBe(0);
    const record = JSON.parse(rerun.stdout);
    expect(record.steps.find((s: { key: string }) => s.key === "fast").status).toBe("reused");
    expect(record.steps.find((s: { key: string }) => s.key === "slow").status).toBe("succeeded");
  }, 60_000);
});
