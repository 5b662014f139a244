import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { YamlCursor, YamlFile } from "./yaml-cursor.js";

/**
 * Parses one YAML file keeping positions. Syntax errors become AP100 diagnostics at their line; the
 * cursor is undefined when the document cannot be used at all. Duplicate keys are syntax errors.
 */
export function parseYamlFile(path: string, text: string, diagnostics: Diagnostic[]): YamlCursor | undefined {
  const lineCounter = new LineCounter();
  const file = new YamlFile(path, lineCounter, diagnostics);
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    file.report("AP100", "error", `YAML could not be parsed: ${String(error)}`, {
      file: path,
      line: 1,
      col: 1,
    });
    return undefined;
  }
  for (const error of document.errors) {
    const at = file.position(error.pos[0], "");
    file.report(
      "AP100",
      "error",
      `YAML syntax error: ${error.message.split("\n")[0]}`,
      at,
      "fix the YAML syntax at this line",
    );
  }
  if (document.errors.length > 0) return undefined;
  return new YamlCursor(file, document.contents, "");
}
