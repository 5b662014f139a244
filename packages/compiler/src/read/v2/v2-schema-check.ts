import { validateDocument } from "../../schema/validate-document.js";
import type { YamlCursor } from "../yaml-cursor.js";

/** ajv's keywords that only say "a branch failed": the branch's own error says what. */
const SUMMARY_KEYWORD = /\/(oneOf|anyOf|if|allOf)$/;
const REQUIRED = /^must have required property '(.+)'$/;

/** One message for a value: alternatives that each want a key ("compute" or "resources") read as one. */
function messageOf(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  const keys = unique.map((m) => REQUIRED.exec(m)?.[1]);
  if (unique.length > 1 && keys.every((k) => k !== undefined))
    return `must have required property ${keys.map((k) => `'${k}'`).join(" or ")}`;
  return unique[0] ?? "is invalid";
}

/**
 * Checks a v2 pipeline job against the shipped schema (azure-ai-ml's rules) and reports each
 * violation as AP101 at the line of the value it is about: one per value, the deepest first.
 */
export function checkPipelineJobSchema(root: YamlCursor): void {
  const document = root.file.document?.toJS({ maxAliasCount: -1 }) as unknown;
  const byPath = new Map<string, string[]>();
  for (const v of validateDocument("pipeline-job.v2.schema.json", document))
    if (!SUMMARY_KEYWORD.test(v.schemaPath))
      byPath.set(v.instancePath, [...(byPath.get(v.instancePath) ?? []), v.message]);
  const paths = [...byPath.keys()].sort((a, b) => b.length - a.length);
  for (const path of paths) {
    let cursor = root;
    for (const segment of path.split("/").slice(1))
      cursor = cursor.get(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    const where = path ? path.slice(1).replace(/\//g, ".") : "the pipeline job";
    cursor.file.report(
      "AP101",
      "error",
      `${where} ${messageOf(byPath.get(path) ?? [])} (azure-ai-ml refuses this pipeline job)`,
      cursor.at,
      "see packages/compiler/schemas/pipeline-job.v2.schema.json for the keys each job type takes",
    );
  }
}
