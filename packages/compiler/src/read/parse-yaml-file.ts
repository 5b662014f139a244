import { type Document, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { eventDocument } from "./event-document.js";
import { YamlCursor, YamlFile } from "./yaml-cursor.js";

/** The largest YAML file read: 64 Mi characters (a 30,000-step pipeline is about a quarter of that). */
export const MAX_YAML_CHARS = 64 * 1024 * 1024;

/**
 * Parses one YAML file keeping positions. Syntax errors become AP100 diagnostics at their line; the
 * cursor is undefined when the document cannot be used at all. Duplicate keys are syntax errors.
 * js-yaml's event parser builds the document where it reproduces the `yaml` library exactly
 * (event-document.ts); otherwise, and for every text with an error, the library parses it.
 */
export function parseYamlFile(
  path: string,
  given: string,
  diagnostics: Diagnostic[],
): YamlCursor | undefined {
  const lineCounter = new LineCounter();
  const file = new YamlFile(path, lineCounter, diagnostics);
  if (given.length > MAX_YAML_CHARS) {
    file.report(
      "AP100",
      "error",
      `the file has ${given.length} characters, more than the ${MAX_YAML_CHARS} amlpipe reads`,
      { file: path, line: 1, col: 1 },
      "a pipeline of 30,000 steps (Azure ML's limit) fits in far less: is this the right file?",
    );
    return undefined;
  }
  // A lone CR ends a line in YAML (and in old Mac files); the library counts LF only. Replacing it
  // one character for one keeps every offset, so positions stay exact. A BOM is not content.
  const text = given.replace(/^\uFEFF/, " ").replace(/\r(?!\n)/g, "\n");
  const fast = eventDocument(text, lineCounter);
  if (fast) return cursorOn(fast, file);
  let document: ReturnType<typeof parseDocument>;
  try {
    // Duplicate keys are found below in one pass: the library's own check compares every key with
    // every other key of its map, which took most of the time on a pipeline of 10,000 steps.
    // Merge keys (`<<`) are YAML 1.1 and read by the loader's ruamel: the cursor expands them.
    document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: true });
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
  return cursorOn(document, file);
}

/** The cursor on a parsed document's root, or undefined when a key is written twice. */
function cursorOn(document: Document, file: YamlFile): YamlCursor | undefined {
  file.document = document;
  if (reportDuplicateKeys(document, file)) return undefined;
  return new YamlCursor(file, document.contents, "");
}

/**
 * Reports every key written twice in one map as AP100 at the second one (PyYAML, which the Azure ML
 * loader uses, silently keeps the last). Scalar keys compare by value; other keys are never equal.
 * True when there was any.
 */
function reportDuplicateKeys(document: Document, file: YamlFile): boolean {
  let found = false;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (seen.has(key)) {
          found = true;
          file.report(
            "AP100",
            "error",
            `YAML syntax error: the key "${String(key)}" is written twice in the same map`,
            file.position(pair.key.range?.[0] ?? 0, ""),
            "keep one of them: YAML keys must be unique, and Azure ML would silently use the last",
          );
        }
        seen.add(key);
      }
    },
  });
  return found;
}
