import { stringify } from "yaml";

/**
 * Serialises a plain object to YAML with fixed options (no line folding, two-space indent, no
 * anchors), so the same object always gives the same bytes. `schemaUrl` becomes the
 * yaml-language-server modeline that lets editors complete and check the file.
 */
export function yamlText(document: unknown, schemaUrl?: string): string {
  const body = stringify(document, {
    indent: 2,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    sortMapEntries: false,
    nullStr: "null",
  });
  return schemaUrl ? `# yaml-language-server: $schema=${schemaUrl}\n${body}` : body;
}
