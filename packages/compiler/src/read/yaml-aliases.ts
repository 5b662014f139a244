import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";

/** How deep merge keys may nest (`<<: *a` where `a` itself merges): far beyond any real file. */
const MAX_MERGE_DEPTH = 32;

/**
 * The node an alias (`*name`) stands for, so that `source: *raw` reads like the anchored value the
 * Azure ML loader (ruamel, YAML 1.2) sees. Other nodes are returned as they are.
 */
export function resolveAlias(
  node: Node | null | undefined,
  document: Document | undefined,
): Node | null | undefined {
  if (!isAlias(node) || !document) return node;
  const target = node.resolve(document);
  return (target as Node | undefined) ?? null;
}

/**
 * The pairs of a map with its merge keys expanded (`<<: *base` or `<<: [*a, *b]`): the map's own keys
 * win over merged ones, and earlier merged maps over later ones, as YAML's merge key type says.
 */
export function mapPairs(map: YAMLMap, document: Document | undefined, depth = 0): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (!isMergeKey(pair.key) || depth >= MAX_MERGE_DEPTH) {
      own.push(pair);
      continue;
    }
    const value = pair.value as Node | null;
    const sources = isSeq(value) ? (value.items as Node[]) : [value];
    for (const source of sources) {
      const target = resolveAlias(source, document);
      if (isMap(target)) merged.push(...mapPairs(target, document, depth + 1));
    }
  }
  const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
  const seen = new Set(own.map(keyOf));
  const result = [...own];
  for (const pair of merged) {
    const key = keyOf(pair);
    if (key !== undefined && seen.has(key)) continue;
    seen.add(key);
    result.push(pair);
  }
  return result;
}

/** A `<<` key: with `merge: true` the library gives it a symbol value; without, the string. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === "<<" || (typeof value === "symbol" && value.description === "<<");
}
