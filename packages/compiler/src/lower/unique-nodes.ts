/**
 * Collects named IR nodes in first-seen order, merging nodes that are identical but for their source
 * position, and keeping different nodes that share a name (so rule AP203 can report them).
 */
export class UniqueNodes<T extends { readonly name: string; readonly source: unknown }> {
  private readonly nodes: T[] = [];
  private readonly keys = new Set<string>();

  /** Adds `node` unless an identical one (ignoring `source`) is already there. */
  add(node: T): void {
    const { source: _, ...rest } = node;
    const key = JSON.stringify(rest);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.nodes.push(node);
  }

  /** The nodes, in the order they were first added. */
  values(): T[] {
    return [...this.nodes];
  }
}
