import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostics } from "../src/index.js";

const diagnostic: Diagnostic = {
  code: "AP201",
  severity: "error",
  message: 'input "x" reads "a,b: 100%"',
  at: { file: "dir,1/p.yaml", line: 3, col: 5 },
  hint: "declare it",
};

/** Parses a workflow command back into its parts, undoing GitHub's escapes. */
function parseAnnotation(line: string) {
  const match = /^::(\w+) (.*?)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decode = (s: string) =>
    s
      .replace(/%0A/g, "\n")
      .replace(/%0D/g, "\r")
      .replace(/%3A/g, ":")
      .replace(/%2C/g, ",")
      .replace(/%25/g, "%");
  const properties = Object.fromEntries(
    (match[2] ?? "")
      .split(",")
      .map((p) => p.split("=") as [string, string])
      .map(([k, v]) => [k, decode(v)]),
  );
  return { command: match[1], properties, message: decode(match[3] ?? "") };
}

describe("formatDiagnostics", () => {
  it("given github format, writes annotations that parse back to file, line, col, title and message", () => {
    const [line] = formatDiagnostics([diagnostic], { format: "github", color: false }).trim().split("\n");
    const parsed = parseAnnotation(line ?? "");
    expect(parsed.command).toBe("error");
    expect(parsed.properties).toMatchObject({ file: "dir,1/p.yaml", line: "3", col: "5" });
    expect(parsed.properties.title).toContain("AP201");
    expect(parsed.message).toBe('input "x" reads "a,b: 100%"\nhint: declare it');
  });

  it("given human format and the source, prints location, a code frame with a caret, the hint and a summary", () => {
    const text = formatDiagnostics([diagnostic], {
      format: "human",
      color: false,
      readSource: () => "a\nb\n    x: y\nd\n",
    });
    expect(text).toContain("dir,1/p.yaml:3:5: error AP201");
    expect(text).toContain("> 3 |     x: y");
    expect(text).toMatch(/\| {5}\^/);
    expect(text).toContain("hint: declare it");
    expect(text).toContain("1 error, 0 warnings");
    expect(text).not.toContain("\x1b[");
  });

  it("given json format, writes the diagnostics as a JSON array", () => {
    expect(JSON.parse(formatDiagnostics([diagnostic], { format: "json", color: false }))).toEqual([
      diagnostic,
    ]);
  });
});

describe("code frames never show secrets", () => {
  it("given source lines holding tokens or secret-named literals, the frame masks them", () => {
    const source =
      'const token = "abc123";\nconst key = "dapi0123456789abcdef0123456789abcdef";\nconst password: "p4ss" = x;\n';
    const text = formatDiagnostics([{ ...diagnostic, at: { file: "p.ts", line: 2, col: 1 } }], {
      format: "human",
      color: false,
      readSource: () => source,
    });
    expect(text).not.toContain("abc123");
    expect(text).not.toContain("dapi0123");
    expect(text).not.toContain("p4ss");
    expect(text).toContain('const token = "***"');
  });
});

describe("code frames of tab-indented files", () => {
  it("given a tab-indented line, expands its tabs and puts the caret under the column's character", async () => {
    const { codeFrame } = await import("../src/index.js");
    const lines = ["const p = pipeline()", '\t\t.output("unused");', "\t// end"];
    const frame = codeFrame(lines, 2, 4).split("\n");
    const shown = frame[1] as string;
    const caret = frame[2] as string;
    expect(shown).toBe('> 2 |         .output("unused");');
    expect(shown).not.toContain("\t");
    // Column 4 is the "o" of .output (two tabs, then "."): the caret stands exactly under it.
    expect(shown[caret.indexOf("^")]).toBe("o");
    expect(frame[3]).toBe("  3 |     // end");
  });

  it("given a tab after text, expands it to the next tab stop, not by a fixed width", async () => {
    const { codeFrame } = await import("../src/index.js");
    const frame = codeFrame(["ab\tc"], 1, 4).split("\n");
    expect(frame[0]).toBe("> 1 | ab  c");
    expect((frame[0] as string)[(frame[1] as string).indexOf("^")]).toBe("c");
  });
});
