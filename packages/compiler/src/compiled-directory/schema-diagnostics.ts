import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { SchemaName } from "../schema/schema-registry.js";
import { validateDocument } from "../schema/validate-document.js";

/** Schema violations of an emitted file, as AP105 diagnostics at the pipeline's source. */
export function schemaDiagnostics(
  path: string,
  schema: SchemaName,
  document: unknown,
  ir: PipelineIR,
): Diagnostic[] {
  return validateDocument(schema, document).map((violation) =>
    diagnostic(
      "AP105",
      `compiled ${path} breaks ${schema} at "${violation.instancePath || "/"}": ${violation.message}`,
      {
        at: ir.source,
        hint: "this is an amlpipe bug: please report it with the pipeline that triggers it",
      },
    ),
  );
}
