import type { ArgumentIR, InputBindingIR, OutputBindingIR, StepParameterIR } from "../ir/step.js";
import type { YamlCursor } from "./yaml-cursor.js";

const INPUT_KEYS = new Set(["source", "bind_mode", "type", "path_on_compute", "overwrite"]);
const OUTPUT_KEYS = new Set([
  "destination",
  "datastore",
  "bind_mode",
  "type",
  "path_on_compute",
  "overwrite",
  "as_dataset",
]);

function warnUnknownKeys(binding: YamlCursor, known: Set<string>): void {
  for (const { key, value } of binding.entries("a binding")) {
    if (!known.has(key)) {
      value.file.report(
        "AP102",
        "warning",
        `unknown binding key "${key}" (the Azure ML loader drops it)`,
        value.at,
      );
    }
  }
}

/**
 * A binding's bind mode: `bind_mode`, or its deprecated alias `type` (AP103), checked against the
 * modes the binding's direction allows (AP101).
 */
function readBindMode<M extends string>(
  binding: YamlCursor,
  what: string,
  allowed: readonly M[],
): M | undefined {
  let cursor = binding.get("bind_mode");
  if (cursor.missing && binding.has("type")) {
    cursor = binding.get("type");
    cursor.file.report(
      "AP103",
      "warning",
      `"type" on an ${what.split(" ")[0]} is a deprecated alias of "bind_mode"`,
      cursor.at,
    );
  }
  const mode = cursor.string(`${what} bind_mode`);
  if (mode === undefined) return undefined;
  if ((allowed as readonly string[]).includes(mode)) return mode as M;
  cursor.typeError(
    `${what.split(" ")[0]} bind_mode must be ${allowed.map((m) => `"${m}"`).join(" or ")}, got "${mode}"`,
  );
  return undefined;
}

/** One input binding (`source`, `bind_mode`, ...); `type` is the deprecated alias of `bind_mode`. */
export function readInput(name: string, binding: YamlCursor): InputBindingIR | undefined {
  warnUnknownKeys(binding, INPUT_KEYS);
  const from = binding.get("source").string(`input "${name}" source`);
  if (from === undefined) {
    binding.typeError(
      `input "${name}" needs a "source": a data reference, a datapath parameter or a step output`,
    );
    return undefined;
  }
  const bindMode = readBindMode(binding, `input "${name}"`, ["mount", "download"] as const);
  const pathOnCompute = binding.get("path_on_compute").string("path_on_compute");
  const overwrite = binding.get("overwrite").boolean("overwrite");
  return {
    name,
    from,
    ...(bindMode ? { bindMode } : {}),
    ...(pathOnCompute !== undefined ? { pathOnCompute } : {}),
    ...(overwrite !== undefined ? { overwrite } : {}),
    source: binding.at,
  };
}

/** One output binding (`destination`, `datastore`, ...). */
export function readOutput(name: string, binding: YamlCursor): OutputBindingIR | undefined {
  warnUnknownKeys(binding, OUTPUT_KEYS);
  const destination = binding.get("destination").string(`output "${name}" destination`);
  if (destination === undefined) {
    binding.typeError(`output "${name}" needs a "destination": the name later steps read it by`);
    return undefined;
  }
  const bindMode = readBindMode(binding, `output "${name}"`, ["mount", "upload"] as const);
  const datastore = binding.get("datastore").string("datastore");
  const pathOnCompute = binding.get("path_on_compute").string("path_on_compute");
  const overwrite = binding.get("overwrite").boolean("overwrite");
  const asDataset = binding.get("as_dataset").boolean("as_dataset");
  return {
    name,
    destination,
    ...(datastore !== undefined ? { datastore } : {}),
    ...(bindMode ? { bindMode } : {}),
    ...(pathOnCompute !== undefined ? { pathOnCompute } : {}),
    ...(overwrite !== undefined ? { overwrite } : {}),
    ...(asDataset !== undefined ? { asDataset } : {}),
    source: binding.at,
  };
}

/** Arguments: `input:X`, `output:X`, `side_input:X` and `parameter:X` become references. */
export function readArguments(cursor: YamlCursor): ArgumentIR[] {
  // No `yaml` import here: the step kinds hold this reader, and the loader worker loads the kinds
  // (src/lowering.ts) without the yaml library.
  const text = cursor.text;
  if (text !== undefined) {
    // The loader iterates a text as its characters: each one becomes an argument. Read it as it does.
    cursor.file.report(
      "AP101",
      "warning",
      `arguments is the text ${JSON.stringify(text)}; the SDK v1 loader passes each of its characters as an argument`,
      cursor.at,
      "write arguments as a list, e.g. [--x, '1']",
    );
    return [...text];
  }
  return cursor.items("arguments").flatMap((item, index): ArgumentIR[] => {
    const value = item.literal("an argument");
    if (value === undefined) return [];
    if (typeof value !== "string") {
      // The loader calls arg.startswith() on each argument first: an unquoted number or boolean
      // fails the whole file with an AttributeError.
      item.file.report(
        "AP101",
        "error",
        `argument ${index + 1} is the ${typeof value} ${String(value)}, which the Azure ML loader cannot read (it expects text)`,
        item.at,
        `quote it: "${String(value)}"`,
      );
      return [String(value)];
    }
    if (typeof value === "string") {
      const match = /^(input|output|side_input|parameter):(.+)$/.exec(value);
      if (match?.[1] && match[2]) {
        return [{ ref: match[1] as "input" | "output" | "side_input" | "parameter", name: match[2] }];
      }
    }
    return [value];
  });
}

/** Step parameters: a literal, or `{ source: PIPELINE_PARAMETER }`. */
export function readStepParameters(cursor: YamlCursor): StepParameterIR[] {
  return cursor.entries("parameters").flatMap(({ key, value }): StepParameterIR[] => {
    if (value.has("source")) {
      const parameter = value.get("source").string(`parameter "${key}" source`);
      return parameter === undefined
        ? []
        : [{ name: key, value: { kind: "pipeline_parameter", parameter }, source: value.at }];
    }
    const literal = value.literal(`parameter "${key}"`);
    return literal === undefined
      ? []
      : [{ name: key, value: { kind: "literal", value: literal }, source: value.at }];
  });
}
