import { plainYaml } from "./plain-yaml.js";

/**
 * Serialises a plain object to YAML with fixed options (no line folding, two-space indent, no
 * anchors), so the same object always gives the same bytes: the yaml library's bytes, written by
 * {@link plainYaml}'s fast path where it can. `schemaUrl` becomes the yaml-language-server modeline
 * that lets editors complete and check the file.
 */
export function yamlText(document: unknown, schemaUrl?: string): string {
  const body = plainYaml(document);
  return schemaUrl ? `# yaml-language-server: $schema=${schemaUrl}\n${body}` : body;
}

/** {@link yamlText}, or nothing when the emit only checks (see `EmitOptions.checkOnly`). */
export function emittedText(
  options: { readonly checkOnly?: boolean },
  document: unknown,
  schemaUrl: string,
): string {
  return options.checkOnly ? "" : yamlText(document, schemaUrl);
}
