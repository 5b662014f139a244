import { isMap, isScalar, parseDocument } from "yaml";

/** The comments of a pipeline YAML worth carrying into TypeScript: the header, and those above steps. */
export function yamlComments(text: string): { header: string[]; steps: Map<string, string> } {
  const steps = new Map<string, string>();
  let header: string[] = [];
  try {
    const document = parseDocument(text);
    header = (document.commentBefore ?? "")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.includes("yaml-language-server"));
    const pipeline = isMap(document.contents) ? document.contents.get("pipeline", true) : undefined;
    const stepMap = isMap(pipeline) ? pipeline.get("steps", true) : undefined;
    if (isMap(stepMap)) {
      for (const pair of stepMap.items) {
        const comment = isScalar(pair.key) ? pair.key.commentBefore : undefined;
        if (isScalar(pair.key) && comment) steps.set(String(pair.key.value), comment);
      }
    }
  } catch {
    // Comments are a courtesy: a file the reader rejected has already been reported.
  }
  return { header, steps };
}
