/**
 * Parses repeatable `NAME=VALUE` options (`--data`, `--stub`, `--param`) into maps; the first bad
 * one gives an error that quotes it.
 */
export function parseAssignments<K extends string>(
  options: Readonly<Record<K, readonly string[]>>,
): Record<K, Record<string, string>> | { error: string } {
  const result = {} as Record<K, Record<string, string>>;
  for (const [option, values] of Object.entries(options) as [K, readonly string[]][]) {
    const map: Record<string, string> = {};
    for (const value of values) {
      const at = value.indexOf("=");
      if (at <= 0) return { error: `--${option} takes NAME=VALUE, got "${value}"` };
      map[value.slice(0, at)] = value.slice(at + 1);
    }
    result[option] = map;
  }
  return result;
}
