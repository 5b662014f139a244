import { stringify } from "yaml";

/**
 * The options every compiled file is written with: no line folding, two-space indent, no anchors,
 * so the same object always gives the same bytes.
 */
export const YAML_OPTIONS = {
  indent: 2,
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  sortMapEntries: false,
  nullStr: "null",
} as const;

/** A string the yaml library writes as is: letters, digits and path punctuation, nothing YAML reads as another type. */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:=+-]*$/;
/** Plain text that YAML 1.2's core schema reads as null, a boolean or a number: the library quotes it. */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Thrown inside the fast path when a value is not plain data it can write; the library then writes the whole document. */
class NotPlain extends Error {}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether a map writes no entry: the library leaves out undefined values, and writes `{}` for none. */
function hasNoEntries(value: Record<string, unknown>): boolean {
  for (const key in value) if (value[key] !== undefined) return false;
  return true;
}

function isPlainString(text: string): boolean {
  if (!PLAIN.test(text) && !(text.length > 1 && text[0] === "-" && PLAIN.test(text.slice(1)))) return false;
  return !text.endsWith(":") && !NOT_A_STRING.test(text);
}

/**
 * Writes plain data (objects, arrays, strings, numbers, booleans, null) as YAML with exactly the bytes
 * `yaml`'s `stringify` gives with {@link YAML_OPTIONS}, 5 to 30 times faster on the golden files: it writes the structure
 * itself and leaves every scalar that is not obviously plain to the library, in the same context (a map
 * value or a list item), so quoting never differs. Anything else (a multi-line string, a list in a list,
 * a class instance, an unusual key) goes to the library whole. `plain-yaml.test.ts` holds the bytes equal
 * on generated documents.
 */
export function plainYaml(document: unknown): string {
  if (isPlainMap(document) && !hasNoEntries(document)) {
    try {
      const out: string[] = [];
      new PlainWriter().map(document, 0, out);
      return out.join("");
    } catch (error) {
      if (!(error instanceof NotPlain)) throw error;
    }
  }
  return stringify(document, YAML_OPTIONS);
}

/** One document's write: the library's answers for unusual scalars are kept for the document's life. */
class PlainWriter {
  /** The library's text of a scalar, by context, type and value. */
  private readonly quoted = new Map<string, string>();

  /** Writes a non-empty map's entries at `indent`. */
  map(value: Record<string, unknown>, indent: number, out: string[]): void {
    const pad = " ".repeat(indent);
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (child === undefined) continue;
      if (!isPlainString(key)) throw new NotPlain();
      if (Array.isArray(child)) {
        if (child.length === 0) out.push(`${pad}${key}: []\n`);
        else {
          out.push(`${pad}${key}:\n`);
          this.list(child, indent + 2, out);
        }
      } else if (isPlainMap(child)) {
        if (hasNoEntries(child)) out.push(`${pad}${key}: {}\n`);
        else {
          out.push(`${pad}${key}:\n`);
          this.map(child, indent + 2, out);
        }
      } else out.push(`${pad}${key}: ${this.scalar(child, "value")}\n`);
    }
  }

  /** Writes a non-empty list's items at `indent`. */
  list(value: readonly unknown[], indent: number, out: string[]): void {
    const pad = " ".repeat(indent);
    for (const item of value) {
      if (Array.isArray(item)) {
        if (item.length > 0) throw new NotPlain();
        out.push(`${pad}- []\n`);
      } else if (isPlainMap(item)) {
        if (hasNoEntries(item)) {
          out.push(`${pad}- {}\n`);
          continue;
        }
        // The item's first entry follows "- "; the rest line up under it.
        const inner: string[] = [];
        this.map(item, indent + 2, inner);
        inner[0] = `${pad}- ${(inner[0] as string).slice(indent + 2)}`;
        for (const line of inner) out.push(line);
      } else if (item === undefined) throw new NotPlain();
      else out.push(`${pad}- ${this.scalar(item, "item")}\n`);
    }
  }

  /** A scalar's text: written here when obviously plain, else asked of the library in the same context. */
  private scalar(value: unknown, context: "value" | "item"): string {
    if (value === null) return "null";
    if (value === true) return "true";
    if (value === false) return "false";
    if (typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0))
      return String(value);
    if (typeof value === "string" && isPlainString(value)) return value;
    if (typeof value !== "string" && typeof value !== "number") throw new NotPlain();
    const key = `${context}:${typeof value}:${value}`;
    let text = this.quoted.get(key);
    if (text === undefined) {
      text = libraryScalar(value, context);
      this.quoted.set(key, text);
    }
    return text;
  }
}

/** The library's text for one scalar as a map value (`k: <text>`) or a list item (`- <text>`); one line or {@link NotPlain}. */
function libraryScalar(value: string | number, context: "value" | "item"): string {
  const whole =
    context === "value" ? stringify({ k: value }, YAML_OPTIONS) : stringify([value], YAML_OPTIONS);
  const prefix = context === "value" ? "k: " : "- ";
  if (!whole.startsWith(prefix) || whole.indexOf("\n") !== whole.length - 1) throw new NotPlain();
  return whole.slice(prefix.length, -1);
}
