import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { plainYaml, YAML_OPTIONS } from "../src/compiled-directory/plain-yaml.js";

// The fast path stands in for the yaml library, so the library is the oracle: same bytes, always.
const RUNS = Number(process.env.AMLPIPE_FUZZ_RUNS ?? 2000);

/** Strings a YAML writer must be careful with, next to ordinary names and paths. */
const TRICKY = [
  "",
  " ",
  "-",
  "--",
  "---",
  "...",
  "- a",
  "a: b",
  "a:b",
  "a:",
  ":a",
  "#",
  "a #b",
  "a#b",
  "~",
  "null",
  "Null",
  "NULL",
  "true",
  "True",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "1",
  "-1",
  "+1",
  "01",
  "0o17",
  "0x1F",
  "1.5",
  ".5",
  "1e5",
  "1_000",
  ".inf",
  "-.inf",
  ".nan",
  "'a'",
  '"a"',
  "a'b",
  'a"b',
  "{a}",
  "[a]",
  "*a",
  "&a",
  "!a",
  "|",
  ">",
  "%a",
  "@a",
  "`a",
  "a\nb",
  "a\tb",
  " a",
  "a ",
  "é",
  "步骤",
  "C:\\path",
  "azureml://datastores/x/paths/y",
  "${{parent.inputs.x}}",
  "--in",
  "=a",
  "./steps",
  "a,b",
  "?",
  "? a",
  "<<",
  "a=b",
  "+",
  "0",
  "-0",
  "00",
];

const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[A-Za-z0-9_./:=+-]{1,12}$/),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -0, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
);
// Map values may be undefined, as an optional field the emitters leave unset: the library skips them.
const { document } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  entry: fc.oneof({ weight: 5, arbitrary: tie("value") }, { weight: 1, arbitrary: fc.constant(undefined) }),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(text, fc.constantFrom("name", "type", "inputs")), tie("entry"), { maxKeys: 5 }),
  document: fc.dictionary(fc.constantFrom("pipeline", "name", "steps", "a b", "x"), tie("entry"), {
    minKeys: 1,
    maxKeys: 4,
  }),
}));

describe("the plain-data YAML writer", () => {
  it(`given ${RUNS} generated documents, it writes exactly the bytes of the yaml library`, () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(plainYaml(doc)).toBe(stringify(doc, YAML_OPTIONS));
      }),
      { numRuns: RUNS },
    );
  });

  it("given every golden compiled file, it writes exactly the bytes of the yaml library", () => {
    const files = ["./golden/", "./golden-v2/"].flatMap((folder) => {
      const base = new URL(folder, import.meta.url);
      return readdirSync(base, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => new URL(f, base));
    });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const doc = parse(readFileSync(file, "utf8"));
      expect(plainYaml(doc), file.pathname).toBe(stringify(doc, YAML_OPTIONS));
    }
  });

  it("given values it does not write itself (undefined in a list, a class), the library writes the document", () => {
    for (const doc of [
      { a: [undefined, 1] },
      { a: new Date(0) },
      { a: [[1, 2]] },
      { "a: b": 1 },
      { a: "x\ny" },
    ])
      expect(plainYaml(doc)).toBe(stringify(doc, YAML_OPTIONS));
  });

  it("given maps whose values are all undefined, writes {} as the library does (found in review)", () => {
    for (const doc of [{ a: undefined }, { k: { a: undefined } }, { k: [{ a: undefined }], b: 1 }])
      expect(plainYaml(doc)).toBe(stringify(doc, YAML_OPTIONS));
  });
});
