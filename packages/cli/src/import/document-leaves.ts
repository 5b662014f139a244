/** A parsed YAML or JSON document's values. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** True for a map (not a list, not null). */
export function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every leaf of a document by its dotted path (an empty map or list is a leaf). */
function leaves(value: Json, path: string, into: Map<string, string>): Map<string, string> {
  if (Array.isArray(value) && value.length > 0)
    for (const [i, v] of value.entries()) leaves(v, `${path}[${i}]`, into);
  else if (isObject(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, into);
  else into.set(path, JSON.stringify(value));
  return into;
}

/**
 * What differs between two normalised documents, leaf by leaf: each setting lost, added or changed,
 * by its dotted path (`steps.train.inputs.data.bind_mode`).
 */
export function leafDifferences(before: Json, after: Json): string[] {
  const old = leaves(before, "", new Map());
  const now = leaves(after, "", new Map());
  const differences: string[] = [];
  for (const [path, value] of old) {
    const next = now.get(path);
    if (next === undefined) differences.push(`lost ${path}: ${value}`);
    else if (next !== value) differences.push(`changed ${path}: ${value} -> ${next}`);
  }
  for (const [path, value] of now) if (!old.has(path)) differences.push(`added ${path}: ${value}`);
  return differences;
}
