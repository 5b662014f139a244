import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stepProgress } from "../src/progress/step-progress.js";

function capture(isTTY: boolean) {
  let text = "";
  const io = { stdout: () => {}, stderr: (t: string) => (text += t), cwd: ".", env: {}, isTTY };
  return { io, text: () => text };
}

describe("step progress", () => {
  it("given a terminal, draws one live line of running steps and a permanent line as each ends", () => {
    const out = capture(true);
    const progress = stepProgress(out.io, true);
    progress.onEvent({ type: "start", step: "prep" });
    progress.onEvent({ type: "end", record: { key: "prep", status: "succeeded", durationMs: 1200 } });
    progress.done();
    expect(out.text()).toContain("\r\x1b[2K  running: prep");
    expect(out.text()).toContain("- prep: ok 1.2s\n");
  });

  it("given CI (no terminal), writes plain lines only, with no control characters", () => {
    const out = capture(false);
    const progress = stepProgress(out.io, true);
    progress.onEvent({ type: "start", step: "prep" });
    progress.onEvent({
      type: "end",
      record: { key: "prep", status: "failed", error: "exited with code 3", log: "l.log" },
    });
    progress.done();
    expect(out.text()).toBe("- prep: started\n- prep: FAILED: exited with code 3 (log: l.log)\n");
  });

  it("given a failed step with a log, shows the last lines of the log under it", () => {
    const log = join(mkdtempSync(join(tmpdir(), "amlpipe-progress-")), "prep.log");
    writeFileSync(
      log,
      `${Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n")}\nTraceback: boom\n`,
    );
    const out = capture(false);
    const progress = stepProgress(out.io, true);
    progress.onEvent({
      type: "end",
      record: { key: "prep", status: "failed", error: "exited with code 1", log },
    });
    const shown = out
      .text()
      .split("\n")
      .filter((l) => l.startsWith("    | "));
    expect(shown).toHaveLength(15);
    expect(shown.at(-1)).toBe("    | Traceback: boom");
    expect(shown[0]).toBe("    | line 17");
  });

  it("given --json, writes nothing", () => {
    const out = capture(true);
    const progress = stepProgress(out.io, false);
    progress.onEvent({ type: "start", step: "prep" });
    progress.done();
    expect(out.text()).toBe("");
  });
});

describe("the live line on a narrow terminal", () => {
  it("given 40 running steps in a 60-column terminal, never writes a line wider than the terminal, and counts steps done", () => {
    let text = "";
    const io = {
      stdout: () => {},
      stderr: (t: string) => {
        text += t;
      },
      cwd: ".",
      env: {},
      isTTY: true,
      columns: () => 60,
    };
    const progress = stepProgress(io, true, 41);
    progress.onEvent({ type: "start", step: "first" });
    progress.onEvent({ type: "end", record: { key: "first", status: "succeeded", durationMs: 10 } });
    for (let i = 0; i < 40; i++) progress.onEvent({ type: "start", step: `featurize_shard_${i}` });
    progress.done();
    const drawn = text.split("\r\x1b[2K").filter((l) => l.startsWith("  ["));
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect(line.length).toBeLessThanOrEqual(59);
    expect(drawn.at(-1)).toMatch(/^ {2}\[1\/41\] running: featurize_shard_0 0s, .*…$/);
  });
});
