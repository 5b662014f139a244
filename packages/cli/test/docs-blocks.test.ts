// Every fenced block of README.md and docs/*.md is either checked here against the real tool, or
// marked a sketch in its info string (```yaml sketch): a block cannot drift from the code unnoticed.
// TypeScript examples are validated and type-checked by docs-snippets.test.ts.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../../", import.meta.url).pathname;
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** A fenced block: its page, its info string's words, and its text. */
interface Block {
  readonly page: string;
  readonly line: number;
  readonly info: readonly string[];
  readonly text: string;
}

/** Every fenced block of `page`, with the line its fence opens at. */
function blocks(page: string): Block[] {
  const lines = readFileSync(join(root, page), "utf8").split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    found.push({
      page,
      line: i + 1,
      info: (open[1] ?? "").trim().split(/\s+/).filter(Boolean),
      text: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return found;
}

const all = pages.flatMap(blocks);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sketch = (b: Block) => b.info.includes("sketch");
const where = (b: Block) => `${b.page}:${b.line}`;

/** The `amlpipe ...` command lines of a shell or plain block (a `$ ` prompt and comments aside). */
function commandLines(b: Block): string[][] {
  return b.text
    .split("\n")
    .map((l) =>
      l
        .replace(/^\s*\$\s+/, "")
        .replace(/\s+#.*$/, "")
        .trim(),
    )
    .filter((l) => /^(npx\s+)?amlpipe\s/.test(l))
    .map((l) =>
      l
        .replace(/^npx\s+/, "")
        .split(/\s+/)
        .slice(1),
    );
}

describe("documentation blocks", () => {
  it("given every YAML block, it is a sketch or a pipeline that validates with no error", async () => {
    const yamlBlocks = all.filter((b) => b.info[0] === "yaml" && !sketch(b));
    for (const b of yamlBlocks) {
      const document = parse(b.text) as { pipeline?: unknown } | null;
      expect(
        document?.pipeline,
        `${where(b)}: a YAML block that is not a pipeline must be marked sketch`,
      ).toBeDefined();
      // As compile writes it: out/<pipeline>/pipeline.yaml, beside the project's steps/ folder.
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-doc-yaml-"));
      mkdirSync(join(dir, "out", "demo", "runconfigs"), { recursive: true });
      mkdirSync(join(dir, "steps"));
      writeFileSync(join(dir, "out", "demo", "pipeline.yaml"), b.text);
      const run = await runCliCaptured(["validate", "out/demo", "--json"], { cwd: dir });
      const errors = JSON.parse(run.stdout).diagnostics.filter(
        (d: { severity: string }) => d.severity === "error",
      );
      expect(errors, where(b)).toEqual([]);
    }
  });

  it("given every TypeScript block, it is a sketch, a complete pipeline or a test (docs-snippets.test.ts validates those)", () => {
    for (const b of all.filter((x) => x.info[0] === "ts" && !sketch(x))) {
      const complete = b.text.includes('from "@amlpipe/dsl"') && b.text.includes("export default");
      const test = b.text.includes('from "@amlpipe/testing"');
      expect(complete || test, `${where(b)}: a fragment must be marked \`\`\`ts sketch`).toBe(true);
    }
  });

  it("given every JSON block, it is a sketch or parses as JSON", () => {
    for (const b of all.filter((x) => x.info[0] === "json" && !sketch(x)))
      expect(() => JSON.parse(b.text), where(b)).not.toThrow();
  });

  it("given every block with an info string, its language is one the checks know", () => {
    const known = new Set(["ts", "yaml", "json", "sh"]);
    for (const b of all)
      if (b.info[0] !== undefined) expect(known, `${where(b)}: ${b.info[0]}`).toContain(b.info[0]);
  });

  it("given every amlpipe command line of a block, its command exists and takes every option it passes", async () => {
    const lines = all
      .filter((b) => !sketch(b))
      .flatMap((b) => commandLines(b).map((words) => ({ b, words })));
    expect(lines.length).toBeGreaterThan(10);
    const helps = new Map<string, string>();
    for (const { b, words } of lines) {
      // The command path: the words before the first option or argument that is not a subcommand.
      const path: string[] = [];
      let help = (await runCliCaptured(["--help"])).stdout;
      for (const word of words) {
        if (word.startsWith("-")) break;
        const sub = new RegExp(`^\\s{2}${escapeRegExp(word)}(\\s|\\|)`, "m");
        if (!sub.test(help.split(/\nCommands:\n/)[1] ?? "")) break;
        path.push(word);
        const key = path.join(" ");
        if (!helps.has(key)) helps.set(key, (await runCliCaptured([...path, "--help"])).stdout);
        help = helps.get(key) as string;
      }
      expect(path.length, `${where(b)}: "amlpipe ${words.join(" ")}" names no command`).toBeGreaterThan(0);
      for (const option of words.filter((w) => /^--?[A-Za-z]/.test(w)).map((w) => w.split("=")[0] as string))
        expect(help, `${where(b)}: amlpipe ${path.join(" ")} has no option ${option}`).toMatch(
          new RegExp(`(^|[\\s,])${escapeRegExp(option)}([\\s,=<\\[]|$)`, "m"),
        );
    }
  });
});
