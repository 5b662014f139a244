const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await pipeline compute datastore dataset environment param secret schedule".split(
    " ",
  ),
);

/**
 * Hands out readable, unique TypeScript identifiers: `cpu-cluster` -> `cpuCluster`, a leading digit
 * gets `_`, reserved words and DSL names get a suffix, clashes get `2`, `3`...
 */
export class Identifiers {
  private readonly used = new Set<string>();

  /** A fresh identifier for `name`, with `suffix` appended on clashes with keywords. */
  take(name: string, suffix = "Value"): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let id =
      words
        .map((w, i) =>
          i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
        )
        .join("") || "value";
    if (/^\d/.test(id)) id = `_${id}`;
    if (RESERVED.has(id)) id = `${id}${suffix}`;
    let candidate = id;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${id}${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
