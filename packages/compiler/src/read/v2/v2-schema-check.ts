import { validateDocument } from "../../schema/validate-document.js";
import type { YamlCursor } from "../yaml-cursor.js";

/** ajv's keywords that only say "a branch failed": the branch's own error says what. */
const SUMMARY_KEYWORDS = /\/(oneOf|anyOf|if|allOf)$/;

/**
 * Checks a v2 pipeline job against the shipped schema (azure-ai-ml's rules) and reports each
 * violation as AP101 at the line of the value it is about: one per value, the most specific first.
 */
export function checkPipelineJobSchema(root: YamlCursor): void {
  const document = root.file.document?.toJS({ maxAliasCount: -1 }) as unknown;
  const violations = validateDocument("pipeline-job.v2.schema.json", document);
  const seen = new Set<string>();
  // The deepest paths first: "must have required property 'environment'" beats "must match oneOf".
  const sorted = [...violations]
    .filter((v) => !SUMMARY_KEYWORDS.test(v.schemaPath.replace(/\/[^/]+$/, (m) => (m === "/oneOf" ? m : m))))
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const violation of sorted) {
    if (seen.has(violation.instancePath)) continue;
    seen.add(violation.instancePath);
    let cursor = root;
    for (const segment of violation.instancePath.split("/").slice(1))
      cursor = cursor.get(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    const where = violation.instancePath ? violation.instancePath.slice(1).replace(/\//g, ".") : "the job";
    cursor.file.report(
      "AP101",
      "error",
      `${where} ${violation.message} (azure-ai-ml refuses this pipeline job)`,
      cursor.at,
      "see packages/compiler/schemas/pipeline-job.v2.schema.json for the keys each job type takes",
    );
  }
}
