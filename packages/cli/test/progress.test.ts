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

  it("given --json, writes nothing", () => {
    const out = capture(true);
    const progress = stepProgress(out.io, false);
    progress.onEvent({ type: "start", step: "prep" });
    progress.done();
    expect(out.text()).toBe("");
  });
});
