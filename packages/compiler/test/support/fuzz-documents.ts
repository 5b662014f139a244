import fc from "fast-check";
import { stringify } from "yaml";

const KEYS = [
  "pipeline",
  "name",
  "description",
  "parameters",
  "data_references",
  "default_compute",
  "steps",
  "type",
  "compute",
  "source_directory",
  "runconfig",
  "arguments",
  "inputs",
  "outputs",
  "source",
  "destination",
  "datastore",
  "bind_mode",
  "script_name",
  "allow_reuse",
  "path_on_datastore",
  "dataset_name",
  "executable",
  "create_pool",
  "notebook_path",
  "num_workers",
  "source_data_reference",
  "destination_data_reference",
  "parallel_run_config",
  "side_inputs",
  "compute_target",
  "default",
  "priority",
  "Schedule",
  "recurrence",
  "unknown_key",
];
const STEP_TYPES = [
  "PythonScriptStep",
  "AdlaStep",
  "AzureBatchStep",
  "DatabricksStep",
  "DatabricsStep",
  "DataTransferStep",
  "ParallelRunStep",
  "HyperDriveStep",
  "Nope",
];

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    ...STEP_TYPES,
    "input:x",
    "output:y",
    "parameter:p",
    "True",
    "None",
    "~",
    "D:\\\\x\\\\y",
    "../x",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Arbitrary YAML-able values whose keys are mostly the format's own keys (so the reader goes deep). */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie("node"), {
    maxKeys: 5,
  }),
})).node;

/** A document shaped like a pipeline with random parts, serialised. */
const pipelineLike = fc
  .record({
    steps: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc
        .record({ type: fc.constantFrom(...STEP_TYPES) })
        .chain((s) => fc.tuple(fc.constant(s), value))
        .map(([s, v]) => (typeof v === "object" && v !== null && !Array.isArray(v) ? { ...v, ...s } : s)),
      { maxKeys: 4 },
    ),
    extra: value,
  })
  .map(({ steps, extra }) =>
    stringify({
      pipeline: {
        name: "fuzz",
        steps,
        ...(typeof extra === "object" && extra && !Array.isArray(extra) ? extra : {}),
      },
    }),
  );

/** Text with YAML's special characters in random places: broken syntax of every kind. */
const malformed = fc
  .array(
    fc.constantFrom(
      "pipeline:",
      "  steps:",
      "    a:",
      "      type: PythonScriptStep",
      ":",
      "-",
      "[",
      "]",
      "{",
      "}",
      "&a",
      "*a",
      "!!binary",
      "'",
      '"',
      "\t",
      "    ",
      "\n",
      "#",
      "? ",
      "|",
      ">",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

/** A valid document with a random edit: a deleted, duplicated or re-indented line, or a flipped character. */
function mutated(base: string): fc.Arbitrary<string> {
  const lines = base.split("\n");
  return fc
    .tuple(
      fc.nat(lines.length - 1),
      fc.constantFrom("delete", "duplicate", "indent", "dedent", "flip"),
      fc.string({ minLength: 1, maxLength: 1 }),
    )
    .map(([index, edit, ch]) => {
      const copy = [...lines];
      const line = copy[index] ?? "";
      if (edit === "delete") copy.splice(index, 1);
      else if (edit === "duplicate") copy.splice(index, 0, line);
      else if (edit === "indent") copy[index] = `  ${line}`;
      else if (edit === "dedent") copy[index] = line.replace(/^ {2}/, "");
      else
        copy[index] =
          line.length > 0
            ? line.slice(0, index % line.length) + ch + line.slice((index % line.length) + 1)
            : ch;
      return copy.join("\n");
    });
}

/** Huge or deeply nested inputs: many steps, long strings, deep maps. */
const extreme = fc.oneof(
  fc.nat(2000).map((n) =>
    stringify({
      pipeline: {
        steps: Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `s${i}`,
            {
              type: "PythonScriptStep",
              script_name: "a.py",
              inputs: { x: { source: `s${i + 1}_o` } },
              outputs: { o: { destination: `s${i}_o` } },
            },
          ]),
        ),
      },
    }),
  ),
  fc
    .nat(300)
    .map(
      (depth) =>
        `pipeline:\n${Array.from({ length: depth }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")}\n`,
    ),
  fc.nat(200).map((depth) => `pipeline: ${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.nat(100_000).map((n) => `pipeline:\n  name: ${"x".repeat(n)}\n  steps: {}\n`),
);

/** Names and text an attacker would write: paths, prototype keys, control and line-break characters. */
const hostileName = fc.constantFrom(
  "..",
  ".",
  "../../victim",
  "/etc/passwd",
  "a\\b",
  "__proto__",
  "constructor",
  "x\u0000y",
  "\u001b]8;;http://e\u0007link",
  "\u001b[32m0 errors\u001b[0m",
  "a\u2028b",
  "`@team`",
);

/** Valid documents turned hostile: names swapped, line ends changed, aliases and merge keys added. */
function adversarial(base: string): fc.Arbitrary<string> {
  return fc
    .tuple(hostileName, fc.constantFrom("key", "cr", "bom", "merge", "bomb", "name"))
    .map(([name, edit]) => {
      const quoted = JSON.stringify(name);
      if (edit === "cr") return base.replace(/\n/g, "\r");
      if (edit === "bom") return `\uFEFF${base}`;
      if (edit === "name") return base.replace(/^(\s*name:).*$/m, `$1 ${quoted}`);
      if (edit === "key") return base.replace(/^(\s{4,8})([A-Za-z_][\w-]*):\s*$/m, `$1${quoted}:`);
      if (edit === "merge")
        return `${base}\nx-base: &base\n  type: PythonScriptStep\nx-use:\n  <<: [*base, *base]\n  <<: *base\n`;
      // Aliases nested ten deep: a "billion laughs" document must not be expanded.
      const levels = Array.from(
        { length: 10 },
        (_, i) =>
          `l${i}: &l${i} [${
            i === 0
              ? '"x"'
              : Array(10)
                  .fill(`*l${i - 1}`)
                  .join(", ")
          }]`,
      );
      return `${levels.join("\n")}\npipeline:\n  steps: *l9\n`;
    });
}

/** Every kind of generated document the fuzz tests throw at the reader. */
export function fuzzDocuments(validExamples: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    ...validExamples.map((text) => adversarial(text)),
    pipelineLike,
    malformed,
    value.map((v) => stringify(v)),
    fc.string({ maxLength: 200 }),
    ...validExamples.map((text) => mutated(text)),
    extreme,
  );
}
