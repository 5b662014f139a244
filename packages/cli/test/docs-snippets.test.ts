// The documentation's complete TypeScript examples (a ```ts block that imports the DSL and exports a
// pipeline) must validate as written: a snippet that drifted from the code fails here.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../../", import.meta.url).pathname;
const scratch = new URL("../.tmp/docs-snippets/", import.meta.url).pathname;

/** The ```ts blocks of a Markdown file. */
function tsBlocks(text: string): string[] {
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const complete = pages.flatMap((page) =>
  tsBlocks(readFileSync(join(root, page), "utf8"))
    .filter((block) => block.includes('from "@amlpipe/dsl"') && block.includes("export default"))
    .map((block, i) => ({ page, i, block })),
);

/** A ```ts block of a docs page, and its index there. */
interface Snippet {
  readonly page: string;
  readonly i: number;
  readonly block: string;
}

/** Writes each snippet to `dir` as `<page>_<i><suffix>`; returns the files. */
function writeSnippets(dir: string, snippets: readonly Snippet[], suffix: string): string[] {
  mkdirSync(dir, { recursive: true });
  return snippets.map(({ page, i, block }) => {
    const file = join(dir, `${page.replace(/[^A-Za-z0-9]/g, "_")}_${i}${suffix}`);
    writeFileSync(file, block);
    return file;
  });
}

/** The type errors of `files` under the project's strict settings, as `file: message`. */
function typeProblems(files: readonly string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(d.file.fileName))
    .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The tests the docs show (```ts blocks that import @amlpipe/testing), with the pipeline they import. */
const testSnippets = pages.flatMap((page) =>
  tsBlocks(readFileSync(join(root, page), "utf8"))
    .filter((block) => block.includes('from "@amlpipe/testing"'))
    .map((block, i) => ({ page, i, block })),
);

describe("documentation snippets", () => {
  it("given the docs' test examples, they type-check as written, against a real pipeline where they import one", () => {
    expect(testSnippets.length).toBeGreaterThan(0);
    // Inside @amlpipe/testing's folder, where the package resolves by its own name, as in a user's project.
    const dir = join(root, "packages/testing/.tmp/doc-snippets");
    mkdirSync(join(dir, "pipelines"), { recursive: true });
    // `../pipelines/train.pipeline.js`, as the snippets import it: the scaffold's two-step pipeline.
    writeFileSync(
      join(dir, "pipelines", "train.pipeline.ts"),
      readFileSync(join(root, "examples/demo/pipeline.ts"), "utf8"),
    );
    expect(typeProblems(writeSnippets(join(dir, "tests"), testSnippets, ".test.ts"))).toEqual([]);
  });

  it("given the docs, finds the complete examples (the README's among them)", () => {
    expect(complete.map((c) => c.page)).toContain("README.md");
  });

  it("given the complete examples, they type-check under the project's strict settings", () => {
    expect(typeProblems(writeSnippets(scratch, complete, ".check.ts"))).toEqual([]);
  });

  for (const { page, i, block } of complete) {
    it(`given ${page}'s example ${i + 1}, it validates`, async () => {
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `${page.replace(/[^A-Za-z0-9]/g, "_")}_${i}.pipeline.ts`);
      writeFileSync(file, block);
      const run = await runCliCaptured(["validate", file], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
    });
  }
});
