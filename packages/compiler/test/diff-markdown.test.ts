import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { code } from "../src/graph/diff-pipelines.js";

describe("graph --diff Markdown", () => {
  it("given any text with backticks, line breaks, links and @mentions, code() makes one code span nothing inside can close", () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom("`", "``", "\n", "\r", "@team", "![x](http://e/x.png)", "[a](b)"),
          fc.string(),
        ),
        {
          maxLength: 8,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const span = code(t);
        const fence = /^`+/.exec(span)?.[0] ?? "";
        expect(fence.length).toBeGreaterThan(0);
        expect(span.endsWith(fence)).toBe(true);
        const inner = span.slice(fence.length, span.length - fence.length);
        // CommonMark closes a code span only at a backtick run of the fence's exact length.
        expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
        expect(span).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
