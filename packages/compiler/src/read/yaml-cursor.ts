import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
} from "yaml";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { type Diagnostic, diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { SourcePosition } from "../ir/source-position.js";
import { mapPairs, resolveAlias } from "./yaml-aliases.js";

/** Where diagnostics of one YAML file go, and how to turn offsets into lines. */
export class YamlFile {
  readonly diagnostics: Diagnostic[];
  /** The parsed document, for resolving aliases and merge keys. */
  document: Document | undefined;

  constructor(
    readonly path: string,
    readonly lineCounter: LineCounter,
    diagnostics: Diagnostic[],
  ) {
    this.diagnostics = diagnostics;
  }

  /** The source position of a byte offset, with the YAML path it belongs to. */
  position(offset: number, yamlPath: string): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.path, line, col, ...(yamlPath ? { yamlPath } : {}) };
  }

  /** Records a diagnostic (the reader states the severity: the same code can be softer while reading). */
  report(code: DiagnosticCode, severity: Severity, message: string, at: SourcePosition, hint?: string): void {
    this.diagnostics.push(diagnostic(code, message, { at, hint, severity }));
  }
}

/**
 * A position in a parsed YAML document: a node (or nothing, for an absent key) with its dotted path.
 * Every typed read reports AP101 at the node's own line when the value has the wrong type, and
 * returns undefined, so reading never throws and goes on after a mistake.
 */
export class YamlCursor {
  readonly node: Node | null | undefined;

  constructor(
    readonly file: YamlFile,
    node: Node | null | undefined,
    readonly path: string,
    private readonly keyNode?: Node | null,
  ) {
    this.node = resolveAlias(node, file.document);
  }

  private expandedPairs: Pair[] | undefined;

  /** The map's pairs with merge keys (`<<`) expanded, worked out once; empty when this is not a map. */
  private pairs(): Pair[] {
    this.expandedPairs ??= isMap(this.node) ? mapPairs(this.node, this.file.document) : [];
    return this.expandedPairs;
  }

  /** Where this value is (its key's line when it has a key, else the value's). */
  get at(): SourcePosition {
    const target = this.keyNode ?? this.node;
    return this.file.position(target?.range?.[0] ?? 0, this.path);
  }

  /** Whether the value is absent or null. */
  get missing(): boolean {
    return this.node === undefined || this.node === null || (isScalar(this.node) && this.node.value === null);
  }

  /** The entries of a map, with cursors on their values; reports AP101 when this is not a map. */
  entries(what: string): { key: string; value: YamlCursor; pair: Pair }[] {
    if (this.missing) return [];
    if (!isMap(this.node)) {
      this.typeError(`${what} must be a map of names to values`);
      return [];
    }
    return this.pairs().map((pair) => {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const path = this.path ? `${this.path}.${key}` : key;
      return { key, value: new YamlCursor(this.file, pair.value as Node | null, path, keyNode), pair };
    });
  }

  /** The value of `key` in this map (a missing cursor when absent or when this is not a map). */
  get(key: string): YamlCursor {
    const path = this.path ? `${this.path}.${key}` : key;
    if (isMap(this.node)) {
      for (const pair of this.pairs()) {
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && String(keyNode.value) === key) {
          return new YamlCursor(this.file, pair.value as Node | null, path, keyNode);
        }
      }
    }
    return new YamlCursor(this.file, undefined, path, this.keyNode ?? this.node);
  }

  /** Whether this map has `key`. */
  has(key: string): boolean {
    return this.pairs().some((p) => isScalar(p.key) && String(p.key.value) === key);
  }

  /** The items of a list. */
  items(what: string): YamlCursor[] {
    if (this.missing) return [];
    if (!isSeq(this.node)) {
      this.typeError(`${what} must be a list`);
      return [];
    }
    return this.node.items.map(
      (item, index) => new YamlCursor(this.file, item as Node | null, `${this.path}[${index}]`),
    );
  }

  /** The value when it is a text scalar, else undefined (nothing is reported). */
  get text(): string | undefined {
    return isScalar(this.node) && typeof this.node.value === "string" ? this.node.value : undefined;
  }

  /** A string; numbers and booleans written unquoted are accepted as their text. */
  string(what: string): string | undefined {
    const scalar = this.scalar(what);
    if (scalar === undefined || scalar.value === null) return undefined;
    if (typeof scalar.value === "string") return scalar.value;
    if (typeof scalar.value === "number" || typeof scalar.value === "boolean")
      return scalar.source ?? String(scalar.value);
    this.typeError(`${what} must be text`);
    return undefined;
  }

  /** A number; quoted digits ("5") are accepted, as the service accepts them. */
  number(what: string, integer = false): number | undefined {
    const scalar = this.scalar(what);
    if (scalar === undefined || scalar.value === null) return undefined;
    const value =
      typeof scalar.value === "string" && scalar.value.trim() !== "" ? Number(scalar.value) : scalar.value;
    if (typeof value === "number" && Number.isFinite(value) && (!integer || Number.isInteger(value)))
      return value;
    this.typeError(`${what} must be ${integer ? "a whole number" : "a number"}, got ${quote(scalar.value)}`);
    return undefined;
  }

  /** A boolean; `True`, `TRUE`, `"true"` and friends are accepted, as the service accepts them. */
  boolean(what: string): boolean | undefined {
    const scalar = this.scalar(what);
    if (scalar === undefined || scalar.value === null) return undefined;
    if (typeof scalar.value === "boolean") return scalar.value;
    if (typeof scalar.value === "string") {
      const lower = scalar.value.trim().toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
    }
    this.typeError(`${what} must be true or false, got ${quote(scalar.value)}`);
    return undefined;
  }

  /** A literal scalar (string, number or boolean) as the YAML typed it. */
  literal(what: string): string | number | boolean | undefined {
    const scalar = this.scalar(what);
    if (scalar === undefined || scalar.value === null) return undefined;
    const value = scalar.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    this.typeError(`${what} must be text, a number or a boolean`);
    return undefined;
  }

  /** A list of strings. */
  strings(what: string): string[] | undefined {
    if (this.missing) return undefined;
    return this.items(what).flatMap((item) => item.string(`each item of ${what}`) ?? []);
  }

  /** A map of strings. */
  stringMap(what: string): Record<string, string> | undefined {
    if (this.missing) return undefined;
    const entries = this.entries(what).flatMap(({ key, value }) => {
      const text = value.string(`${what} "${key}"`);
      return text === undefined ? [] : [[key, text] as const];
    });
    return Object.fromEntries(entries);
  }

  /**
   * Refuses a value of the wrong YAML type where the SDK v1 loader checks the type: only a value that
   * is set (truthy, as the loader tests it) must be text, a whole number (Python's bool is one) or a
   * boolean. Maps and lists are left to the reader of the key.
   */
  expectLoaderType(type: "string" | "integer" | "boolean", what: string): void {
    const node = this.node;
    if (node === undefined || node === null || !isScalar(node) || !node.value) return;
    const value = node.value;
    const ok =
      type === "string"
        ? typeof value === "string"
        : type === "integer"
          ? (typeof value === "number" && Number.isInteger(value)) || typeof value === "boolean"
          : // Numbers where a boolean belongs are already refused by boolean(); quoted ones are not.
            typeof value !== "string";
    if (ok) return;
    const wanted = type === "string" ? "text" : type === "integer" ? "a whole number" : "true or false";
    this.typeError(
      `${what} must be ${wanted}: the SDK v1 loader refuses ${quote(value)}`,
      type === "string" ? `quote it: ${what}: "${String(value)}"` : undefined,
    );
  }

  /** Reports AP101 at this value. */
  typeError(message: string, hint?: string): void {
    this.file.report("AP101", "error", message, this.at, hint);
  }

  private scalar(what: string): Scalar | undefined {
    if (this.node === undefined || this.node === null) return undefined;
    if (isScalar(this.node)) return this.node;
    this.typeError(`${what} must be a single value, not a ${isMap(this.node) ? "map" : "list"}`);
    return undefined;
  }
}

function quote(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}
