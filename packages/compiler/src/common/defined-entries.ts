/**
 * `record` without its undefined entries, typed so: what `exactOptionalPropertyTypes` needs before an
 * object with optional keys is built from values that may be absent.
 */
export function definedEntries<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
