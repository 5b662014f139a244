import { describe, expect, it } from "vitest";
import { stderrColors } from "../src/print-diagnostics.js";

describe("colour of diagnostics, decided for stderr", () => {
  it("given stderr with colours, colours; stdout a terminal but stderr a file, none; NO_COLOR off, FORCE_COLOR on", () => {
    const io = (extra: Record<string, unknown>, env: Record<string, string> = {}) =>
      ({ stdout: () => {}, stderr: () => {}, cwd: ".", env, isTTY: true, ...extra }) as never;
    expect(stderrColors(io({ stderrColors: true }))).toBe(true);
    expect(stderrColors(io({ stderrColors: false }))).toBe(false);
    expect(stderrColors(io({}))).toBe(false);
    expect(stderrColors(io({ stderrColors: true }, { NO_COLOR: "1" }))).toBe(false);
    expect(stderrColors(io({ stderrColors: false }, { FORCE_COLOR: "1" }))).toBe(true);
    expect(stderrColors(io({ stderrColors: true }, { FORCE_COLOR: "0" }))).toBe(false);
  });
});
