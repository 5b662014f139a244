/**
 * The `$schema` a compiled file's modeline names: `schemaDirectory` is relative to the pipeline's
 * folder, so a file in a subfolder (`computes/`, `runconfigs/`, ...) climbs one more level for each
 * folder it is in. An absolute path or a URL is used as it is.
 */
export function schemaLink(schemaDirectory: string, filePath: string, schema: string): string {
  const base = `${schemaDirectory}/${schema}`;
  if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(schemaDirectory)) return base;
  const depth = filePath.split("/").length - 1;
  return `${"../".repeat(depth)}${base}`;
}
