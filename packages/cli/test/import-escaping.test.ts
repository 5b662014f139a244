import type { PipelineIR } from "@amlpipe/compiler";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { pipelineIR } from "../../compiler/test/support/arbitraries.js";
import { docComment, lineComment } from "../src/import/comment-text.js";
import { generatePipelineSource } from "../src/import/generate-pipeline-source.js";

/** Characters that end or break comments and strings, mixed into random Unicode. */
const NASTY = [
  "\r",
  "\n",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0085",
  "*/",
  "/*",
  "`",
  '"',
  "'",
  "${",
  "\\",
  "\u001b[32m",
  "\u0000",
];
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NASTY),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.constant("process.exit(7);"),
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));

/** The file's structure: every node kind in order, with string literal texts. Comments are trivia. */
function shape(text: string): { kinds: string; strings: string[]; errors: number } {
  const file = ts.createSourceFile("p.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const kinds: string[] = [];
  const strings: string[] = [];
  const visit = (node: ts.Node) => {
    kinds.push(ts.SyntaxKind[node.kind] ?? String(node.kind));
    if (ts.isStringLiteral(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const errors = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
  return { kinds: kinds.join(" "), strings, errors };
}

function generate(ir: PipelineIR, description: string, comment: string, header: string): string {
  const withText: PipelineIR = { ...ir, description };
  const stepComments = new Map(ir.steps.map((s) => [s.key, comment]));
  return generatePipelineSource(withText, { tsFileDir: ".", header: [header], stepComments }).text;
}

describe("import: generated TypeScript cannot be broken out of by the input", () => {
  it("given random Unicode with line terminators, */, quotes and backticks in descriptions and comments, the file parses to the same AST as with plain text, and carries the description exactly", () => {
    fc.assert(
      fc.property(pipelineIR, hostileText, hostileText, hostileText, (ir, description, comment, header) => {
        const baseline = shape(generate(ir, "plain", "plain", "plain"));
        const hostile = shape(generate(ir, description, comment, header));
        expect(hostile.errors).toBe(0);
        expect(hostile.kinds).toBe(baseline.kinds);
        // `.description("...")` holds the exact text: strings are escaped, not altered.
        expect(hostile.strings).toContain(description);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it("given a comment with a carriage return and code after it, the code stays inside the comment", () => {
    const text = `${lineComment("harmless\rprocess.exit(7)")}\n${docComment("a */ process.exit(7) /*")}\nexport {};\n`;
    const file = ts.createSourceFile("p.ts", text, ts.ScriptTarget.Latest, true);
    expect(file.statements.map((s) => ts.SyntaxKind[s.kind])).toEqual(["ExportDeclaration"]);
  });
});
