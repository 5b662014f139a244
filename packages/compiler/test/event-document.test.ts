import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from "yaml";
import { eventDocument } from "../src/read/event-document.js";

// The fast reader stands in for the yaml library's parseDocument, so the library is the oracle: where
// the fast path gives a document, it must be the library's, node for node, with the same values,
// sources, scalar types, anchors, start offsets and line table; where the library finds an error, the
// fast path must give way to it. AMLPIPE_FUZZ_RUNS raises the number of generated texts.
const RUNS = Number(process.env.AMLPIPE_FUZZ_RUNS ?? 1500);
const REPO = join(import.meta.dirname, "../../..");

/** A node as plain data, for comparison (numbers that JSON cannot write are spelled out). */
function shape(node: Node | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return { alias: node.source, at: node.range?.[0] };
  if (isMap(node))
    return {
      map: node.items.map((p) => [shape(p.key as Node), shape(p.value as Node)]),
      anchor: node.anchor,
      flow: Boolean(node.flow),
      at: node.range?.[0],
    };
  if (isSeq(node))
    return {
      seq: node.items.map((i) => shape(i as Node)),
      anchor: node.anchor,
      flow: Boolean(node.flow),
      at: node.range?.[0],
    };
  if (!isScalar(node)) return { unknown: String(node) };
  const v = node.value;
  const value =
    typeof v === "symbol"
      ? `symbol ${v.description}`
      : typeof v === "number" && !Number.isFinite(v)
        ? String(v)
        : v;
  const negativeZero = Object.is(v, -0);
  return {
    value,
    negativeZero,
    source: node.source,
    type: node.type,
    format: node.format,
    anchor: node.anchor,
    at: node.range?.[0],
  };
}

type Verdict = "same" | "library" | { problem: string; text: string };

/** How the fast path did on one text, held to parseDocument as parseYamlFile calls it. */
function verdict(text: string): Verdict {
  const libraryLines = new LineCounter();
  const library = parseDocument(text, {
    lineCounter: libraryLines,
    uniqueKeys: false,
    prettyErrors: false,
    merge: true,
  });
  const fastLines = new LineCounter();
  const fast = eventDocument(text, fastLines);
  if (!fast) return "library";
  if (library.errors.length > 0)
    return { problem: `read although the library says ${library.errors[0]?.message}`, text };
  const want = JSON.stringify(shape(library.contents as Node));
  const got = JSON.stringify(shape(fast.contents as Node));
  if (want !== got) return { problem: `nodes differ:\n  library ${want}\n  fast    ${got}`, text };
  if (JSON.stringify(libraryLines.lineStarts) !== JSON.stringify(fastLines.lineStarts))
    return { problem: "line starts differ", text };
  return "same";
}

/** Runs texts through {@link verdict}; fails with the first few problems, returns how many were read fast. */
function expectAgreement(texts: Iterable<string>): { same: number; library: number } {
  const counts = { same: 0, library: 0 };
  const problems: string[] = [];
  for (const text of texts) {
    const v = verdict(text);
    if (typeof v === "string") counts[v] += 1;
    else problems.push(`${JSON.stringify(v.text)}: ${v.problem}`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
  return counts;
}

/** Characters and fragments that change how YAML reads. */
const SPECIAL = [
  ...[":", "-", "#", " ", "  ", "\n", "\n  ", '"', "'", "|", ">", "|-", ">+", "|2", "[", "]", "{", "}", ","],
  ...["?", "? ", "!", "!!str ", "%", "@", "`", "\t", "\\", "\r\n", "---\n", "...", "&a ", "&x", "*a", " *x"],
  ...["~", "<<: ", "0x1F", "1e3", ".inf", "null", "true", "yes", "012", "0o17", "1_000", "-.5", " #c", "é"],
];
const text = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[a-z0-9_./-]{0,8}$/),
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 6 }).map((parts) => parts.join("")),
);
const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
}));
/** The ways the library writes YAML, so that every scalar style and layout comes up. */
const layout = fc.record({
  defaultStringType: fc.constantFrom(
    "PLAIN",
    "QUOTE_DOUBLE",
    "QUOTE_SINGLE",
    "BLOCK_LITERAL",
    "BLOCK_FOLDED",
  ),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
  collectionStyle: fc.constantFrom("any", "block", "flow"),
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
  blockQuote: fc.constantFrom(true, false, "literal", "folded"),
} as const);
const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL, ""), fc.nat({ max: 3 })), {
  maxLength: 4,
});

/** A text with some characters replaced at random places (lone CRs end lines, as the reader makes them). */
function edited(source: string, changes: [number, string, number][]): string {
  let out = source;
  for (const [position, insert, remove] of changes) {
    const p = position % (out.length + 1);
    out = out.slice(0, p) + insert + out.slice(p + remove);
  }
  return out.replace(/\r(?!\n)/g, "\n");
}

/** Every YAML file of the repository and of the shared reference examples. */
function yamlFiles(): string[] {
  const tracked = execFileSync("git", ["ls-files", "*.yaml", "*.yml"], { cwd: REPO, encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => join(REPO, f));
  const reference = join(REPO, "../shared/reference");
  const shared = existsSync(reference)
    ? readdirSync(reference, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(reference, f))
    : [];
  return [...tracked, ...shared].filter((f) => existsSync(f));
}

const HAND_WRITTEN = [
  "a: &base\n  x: 1\n  y: [1, 2]\nb:\n  <<: *base\n  z: 3\nc:\n  <<: [*base, {w: 1}]\n",
  "k: |\n  line\n\n  # not a comment\nj: >-\n  folded\n  text\n\nl: plain\n  continued\nm:\n  # c\n  - a # t\n  -   b\n",
  "x:\r\n  y: 1\r\n  z: 'q'\r\n",
  "empty:\nafter: # comment\nnext:   \n  - 1\n",
];

describe("the fast YAML reader (js-yaml events) against the yaml library", () => {
  it("reads every YAML file of the repository as the library does, and reads them itself", () => {
    const files = yamlFiles().map((f) => readFileSync(f, "utf8").replace(/\r(?!\n)/g, "\n"));
    const counts = expectAgreement([...files, ...HAND_WRITTEN]);
    expect(files.length).toBeGreaterThan(20);
    // The point of the fast path: ordinary pipeline files take it.
    expect(counts.same).toBeGreaterThan(files.length * 0.9);
  });

  it("reads what the library writes, in every layout, as the library reads it", () => {
    const texts: string[] = [];
    fc.assert(
      fc.property(value, layout, (v, options) => {
        texts.push(stringify(v, options));
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
    const counts = expectAgreement(texts);
    expect(counts.same).toBeGreaterThan(RUNS / 2);
  });

  it("gives way to the library on texts with mistakes and oddities, or reads them alike", () => {
    const sources = [...yamlFiles().map((f) => readFileSync(f, "utf8")), ...HAND_WRITTEN];
    const texts: string[] = [];
    fc.assert(
      fc.property(fc.nat(sources.length - 1), edits, (index, changes) => {
        texts.push(edited(sources[index] ?? "", changes));
      }),
      { numRuns: RUNS, seed: 20261204 },
    );
    const counts = expectAgreement(texts);
    expect(counts.library).toBeGreaterThan(0);
  });

  it("leaves to the library what it would read differently", () => {
    // Each of these once read differently (or read at all where the library refuses).
    for (const text of [
      "\t-i#\n",
      "|1-\n e\n",
      "&\\[]\n",
      "- {}\n- &-{}\n",
      '&- "": x\n',
      "a: !!str 5\n",
      "%YAML 1.1\n---\na: yes\n",
      "a: 1\n---\nb: 2\n",
    ])
      expect(eventDocument(text, new LineCounter()), JSON.stringify(text)).toBeUndefined();
  });
});
