import { EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE, type ScalarEvent } from "js-yaml";
import { Alias, Document, type LineCounter, type Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";

/**
 * The fast path of reading YAML: js-yaml's event parser (about ten times the `yaml` library's speed
 * on a 10,000-step pipeline, with less memory) builds the very nodes the `yaml` library
 * would, so the cursor, the rules and every position stay as they were. Plain scalars are typed by
 * the `yaml` library's own core schema tags, not js-yaml's, so `yes`, `012` or `1_000` read alike.
 *
 * Anything this path does not reproduce exactly goes back to the library (undefined is returned):
 * a text js-yaml refuses (the library then writes the AP100 messages), tags, directives, more than one
 * document, an empty value whose position is not after a `key:`, complex keys. `event-document.test.ts`
 * holds the result to `parseDocument` on generated documents and on every YAML file of the repository.
 * Only the start of each node's range is set (the cursor reads nothing else).
 */
export function eventDocument(text: string, lineCounter: LineCounter): Document | undefined {
  if (LIBRARY_ONLY.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  const document = new Document(null, { merge: true, uniqueKeys: false });
  const built = new DocumentBuilder(text, document).build(events);
  if (built === FALL_BACK) return undefined;
  document.contents = built;
  countLines(text, lineCounter);
  return document;
}

/**
 * Texts the library refuses where js-yaml reads on: a tab in a line's indentation (the library's
 * "Tabs are not allowed as indentation").
 */
const LIBRARY_ONLY = /^ *\t/m;

/** Returned by a builder step that cannot reproduce the library's nodes. */
const FALL_BACK = Symbol("fall back to the yaml library");
type Built = Node | null | typeof FALL_BACK;

/** A collection being filled, with the key of the pair whose value comes next (maps only). */
interface Frame {
  collection: YAMLMap | YAMLSeq;
  key?: Node | undefined;
  /** Where the last key ends, to place an empty value after its `:`. */
  keyEnd?: number | undefined;
}

/** Turns one document's events into `yaml` nodes. */
class DocumentBuilder {
  private readonly tags: ScalarTag[];
  private readonly stack: Frame[] = [];

  constructor(
    private readonly text: string,
    document: Document,
  ) {
    this.tags = document.schema.tags as unknown as ScalarTag[];
  }

  build(events: Event[]): Built {
    let documents = 0;
    let root: Node | null = null;
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as Event;
      // Each event is dropped once read, so that the garbage collector may take it while the
      // nodes grow (400,000 event objects for a 10,000-step pipeline).
      (events as unknown[])[i] = undefined;
      if (event.type === EVENT_ID.DOCUMENT) {
        documents += 1;
        if (documents > 1 || event.directives.length > 0) return FALL_BACK;
        continue;
      }
      if (event.type === EVENT_ID.POP) {
        const frame = this.stack.pop();
        if (!frame) continue; // the document's own end
        if (this.place(frame.collection, frame.collection.range?.[0] ?? 0) === FALL_BACK) return FALL_BACK;
        if (this.stack.length === 0) root = frame.collection;
        continue;
      }
      const node = this.node(event);
      if (node === FALL_BACK) return FALL_BACK;
      if (node instanceof YAMLMap || node instanceof YAMLSeq) {
        this.stack.push({ collection: node });
        continue;
      }
      if (this.stack.length === 0) root = node;
      else if (this.place(node, node.range?.[0] ?? 0) === FALL_BACK) return FALL_BACK;
    }
    return root;
  }

  /** A new node for a scalar, alias or the start of a collection. */
  private node(event: Event): Node | typeof FALL_BACK {
    if (event.type === EVENT_ID.ALIAS) {
      return startingAt(
        new StartAlias(this.text.slice(event.anchorStart, event.anchorEnd)),
        event.anchorStart - 1,
      );
    }
    if (event.type !== EVENT_ID.SCALAR && event.type !== EVENT_ID.SEQUENCE && event.type !== EVENT_ID.MAPPING)
      return FALL_BACK;
    if (event.tagStart !== -1) return FALL_BACK;
    const node =
      event.type === EVENT_ID.SCALAR
        ? this.scalar(event)
        : event.type === EVENT_ID.MAPPING
          ? new StartMap()
          : new StartSeq();
    if (node === FALL_BACK) return FALL_BACK;
    if (event.type !== EVENT_ID.SCALAR) {
      startingAt(node, event.start);
      if (event.style === 2) (node as YAMLMap | YAMLSeq).flow = true;
    }
    if (event.anchorStart !== -1) {
      const anchor = this.text.slice(event.anchorStart, event.anchorEnd);
      // The library ends an anchor at a flow indicator and wants white space after it; js-yaml
      // reads `&a[]` on.
      if (/[[\]{},]/.test(anchor) || !/^(\s|$)/.test(this.text.slice(event.anchorEnd, event.anchorEnd + 1)))
        return FALL_BACK;
      node.anchor = anchor;
    }
    return node;
  }

  /** A scalar typed as the library types it, starting where the library says it starts. */
  private scalar(event: ScalarEvent): Scalar | typeof FALL_BACK {
    const frame = this.stack.at(-1);
    const atKey = frame?.collection instanceof YAMLMap && frame.key === undefined;
    if (event.valueStart === -1) {
      // An empty value: the library places it after the `:` (and the spaces after it).
      if (atKey || !frame?.key || frame.keyEnd === undefined || event.anchorStart !== -1) return FALL_BACK;
      const start = this.afterIndicator(frame.keyEnd);
      if (start === undefined) return FALL_BACK;
      const empty = startingAt(this.plain("", false), start);
      empty.source = "";
      empty.type = Scalar.PLAIN;
      return empty;
    }
    const source = getScalarValue(this.text, event);
    const scalar = event.style === SCALAR_STYLE.PLAIN ? this.plain(source, atKey) : new StartScalar(source);
    scalar.source = source;
    scalar.type = SCALAR_TYPES[event.style];
    const start = this.scalarStart(event);
    if (start === undefined) return FALL_BACK;
    return startingAt(scalar, start);
  }

  /** Types a plain scalar by the core schema's tags, as the library's composer does. */
  private plain(source: string, atKey: boolean): Scalar {
    const tag = this.tags.find(
      (t) => (t.default === true || (atKey && t.default === "key")) && t.test?.test(source),
    );
    if (!tag) return new StartScalar(source);
    const resolved = tag.resolve(source, () => {}, {});
    // The merge key's tag makes its own Scalar (with what merges it in toJSON): its fields are copied.
    const scalar =
      resolved instanceof Scalar ? Object.assign(new StartScalar(null), resolved) : new StartScalar(resolved);
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** Where the library starts a scalar: at its quote or its block indicator, not its text. */
  private scalarStart(event: ScalarEvent): number | undefined {
    if (event.style === SCALAR_STYLE.PLAIN) return event.valueStart;
    if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED)
      return event.valueStart - 1;
    // A block scalar: its indicator is the first `|` or `>` on its header line after whatever came
    // before it on that line (a key and its `:`, a `-`, an anchor).
    const frame = this.stack.at(-1);
    let from = this.text.lastIndexOf("\n", this.lastNonBlank(event.valueStart)) + 1;
    if (frame?.keyEnd !== undefined && frame.key) from = Math.max(from, frame.keyEnd);
    if (event.anchorStart !== -1) from = Math.max(from, event.anchorEnd);
    for (let i = from; i < event.valueStart; i++) {
      const c = this.text[i];
      // An explicit indentation indicator (`|2`) is read differently at the top level: the library.
      if (c === "|" || c === ">") return /^[-+]?[1-9]/.test(this.text.slice(i + 1, i + 3)) ? undefined : i;
      if (c === "#") return undefined;
    }
    return undefined;
  }

  /** The offset of the last character before `offset` that is not a space or a line break. */
  private lastNonBlank(offset: number): number {
    let i = offset - 1;
    while (i >= 0 && (this.text[i] === " " || this.text[i] === "\n" || this.text[i] === "\r")) i--;
    return Math.max(i, 0);
  }

  /** The offset after `: ` that follows a key ending at `keyEnd`, or undefined when it is not there. */
  private afterIndicator(keyEnd: number): number | undefined {
    let i = keyEnd;
    while (this.text[i] === " " || this.text[i] === "\t") i++;
    if (this.text[i] !== ":") return undefined;
    i++;
    while (this.text[i] === " " || this.text[i] === "\t") i++;
    return i;
  }

  /** Adds a finished node to the collection on top of the stack. */
  private place(node: Node, start: number): undefined | typeof FALL_BACK {
    const frame = this.stack.at(-1);
    if (!frame) return undefined;
    if (frame.collection instanceof YAMLSeq) {
      frame.collection.items.push(node);
      return undefined;
    }
    if (frame.key === undefined) {
      if (!(node instanceof Scalar) || node.value === null) return FALL_BACK; // a complex or empty key
      // A block map starts at its first key for the library; js-yaml starts it at an anchor before.
      if (
        frame.collection.items.length === 0 &&
        !frame.collection.flow &&
        frame.collection.range?.[0] !== start
      )
        return FALL_BACK;
      frame.key = node;
      frame.keyEnd = start + this.keyLength(node);
      return undefined;
    }
    frame.collection.items.push(new Pair(frame.key, node));
    frame.key = undefined;
    frame.keyEnd = undefined;
    return undefined;
  }

  /** How many characters a one-line key takes in the text, quotes included. */
  private keyLength(key: Scalar): number {
    const start = key.range?.[0] ?? 0;
    if (key.type === Scalar.PLAIN) return String(key.source).length;
    const quote = this.text[start];
    const end = this.text.indexOf("\n", start);
    const line = this.text.slice(start + 1, end === -1 ? undefined : end);
    // The closing quote of a one-line key: the first lone one (`''` is an escaped quote).
    for (let i = 0; i < line.length; i++) {
      if (line[i] === "\\" && quote === '"') i++;
      else if (line[i] === quote && !(quote === "'" && line[i + 1] === "'")) return i + 2;
      else if (line[i] === quote) i++;
    }
    return line.length + 1;
  }
}

/** The library's tag objects, as far as typing a plain scalar uses them. */
interface ScalarTag {
  default?: boolean | "key";
  test?: RegExp;
  format?: string;
  resolve(source: string, onError: (message: string) => void, options: object): unknown;
}

/** The library's scalar types by js-yaml's styles. */
const SCALAR_TYPES = {
  [SCALAR_STYLE.PLAIN]: Scalar.PLAIN,
  [SCALAR_STYLE.SINGLE_QUOTED]: Scalar.QUOTE_SINGLE,
  [SCALAR_STYLE.DOUBLE_QUOTED]: Scalar.QUOTE_DOUBLE,
  [SCALAR_STYLE.LITERAL_BLOCK]: Scalar.BLOCK_LITERAL,
  [SCALAR_STYLE.FOLDED_BLOCK]: Scalar.BLOCK_FOLDED,
} as const;

/** Where a node starts, for the classes below. */
const START = Symbol("start");

/**
 * The library's node classes, keeping only where the node starts: a `[start, end, end]` range array
 * on each of a 10,000-step pipeline's 380,000 nodes was a third of the tree's memory. `range` is
 * made when asked, and only its start is meaningful (the cursor reads nothing else).
 */
class StartScalar extends Scalar {
  [START] = 0;
}
class StartMap extends YAMLMap {
  [START] = 0;
}
class StartSeq extends YAMLSeq {
  [START] = 0;
}
class StartAlias extends Alias {
  [START] = 0;
}
for (const kind of [StartScalar, StartMap, StartSeq, StartAlias]) {
  Object.defineProperty(kind.prototype, "range", {
    get(this: { [START]: number }) {
      const start = this[START];
      return [start, start, start];
    },
    set(this: { [START]: number }, range: [number, number, number] | undefined) {
      this[START] = range?.[0] ?? 0;
    },
  });
}

/** Sets where a node starts. */
function startingAt<T extends Node>(node: T, start: number): T {
  (node as unknown as { [START]: number })[START] = start;
  return node;
}

/** Records every line start, as the library's lexer does while it parses. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
}
