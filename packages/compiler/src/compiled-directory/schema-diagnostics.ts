import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { StepIR } from "../ir/step.js";
import type { SchemaName } from "../schema/schema-registry.js";
import { type SchemaViolation, validateDocument } from "../schema/validate-document.js";
import { safeFileName } from "./file-names.js";

/** Where each pipeline schema keeps a step, as a JSON pointer, and which override target writes it. */
const STEP_POINTERS: Partial<Record<SchemaName, { target: "v1" | "v2"; at: (key: string) => string }>> = {
  "pipeline.v1.schema.json": { target: "v1", at: (key) => `/pipeline/steps/${key}` },
  "pipeline-job.v2.schema.json": { target: "v2", at: (key) => `/jobs/${key}` },
};

/** The step with an override for this schema's target whose part of the document holds `pointer`. */
function overriddenStep(ir: PipelineIR, schema: SchemaName, pointer: string): StepIR | undefined {
  const place = STEP_POINTERS[schema];
  if (!place) return undefined;
  return ir.steps.find((step) => {
    const at = place.at(step.key);
    return step.overrides?.[place.target] !== undefined && (pointer === at || pointer.startsWith(`${at}/`));
  });
}

/** A position in a TypeScript or JavaScript module: a value the user's code built, at run time. */
const MODULE_FILE = /\.(m|c)?[tj]s$/;

/** The IR node (a step, a compute, a schedule) whose compiled part holds `pointer`, with its source. */
function nodeAt(
  ir: PipelineIR,
  path: string,
  schema: SchemaName,
  document: unknown,
  pointer: string,
): { what: string; source: SourcePosition } | undefined {
  const stepPointer = STEP_POINTERS[schema];
  if (stepPointer) {
    const step = ir.steps.find((s) => {
      const at = stepPointer.at(s.key);
      return pointer === at || pointer.startsWith(`${at}/`);
    });
    return step ? { what: `step "${step.key}"`, source: step.source } : undefined;
  }
  if (schema === "compute.schema.json") {
    const name = (document as { compute?: { name?: unknown } }).compute?.name;
    const compute = ir.computes.find((c) => c.name === name);
    return compute ? { what: `compute "${compute.name}"`, source: compute.source } : undefined;
  }
  if (schema === "schedule.schema.json") {
    const schedule = ir.schedules.find((s) => path === `schedules/${safeFileName(s.name)}.yaml`);
    return schedule ? { what: `schedule "${schedule.name}"`, source: schedule.source } : undefined;
  }
  return undefined;
}

/**
 * A violation of a value the user's module built (a TypeScript pipeline compiled without the type
 * check, or JavaScript): AP101 at the line that built the node, not an amlpipe bug at the export.
 */
function userValueDiagnostic(
  node: { what: string; source: SourcePosition },
  path: string,
  schema: SchemaName,
  violation: SchemaViolation,
): Diagnostic {
  return diagnostic(
    "AP101",
    `a value of ${node.what} does not fit ${schema} in ${path} at "${violation.instancePath || "/"}": ${violation.message}`,
    {
      at: node.source,
      hint: "check that setting's type and value (amlpipe validate type-checks the module); if the module type-checks, this is an amlpipe bug: please report it",
    },
  );
}

/**
 * The violation that says most: one naming a key (ajv's if/then branches add vaguer ones for the
 * same cause), else the deepest.
 */
function mostTelling(violations: readonly SchemaViolation[]): SchemaViolation {
  const naming = violations.filter((v) => v.message.includes('("'));
  const pool = naming.length > 0 ? naming : violations;
  return [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0] as SchemaViolation;
}

/**
 * Schema violations of an emitted file: one AP101 per overridden step, at its `override()` line,
 * when they are in a step the user overrode (their keys, not amlpipe's); else AP105 (an amlpipe
 * bug) at the pipeline's source.
 */
export function schemaDiagnostics(
  path: string,
  schema: SchemaName,
  document: unknown,
  ir: PipelineIR,
): Diagnostic[] {
  const byOverride = new Map<StepIR, SchemaViolation[]>();
  const out: Diagnostic[] = [];
  for (const violation of validateDocument(schema, document)) {
    const step = overriddenStep(ir, schema, violation.instancePath);
    const node = step ? undefined : nodeAt(ir, path, schema, document, violation.instancePath);
    if (step) byOverride.set(step, [...(byOverride.get(step) ?? []), violation]);
    else if (node && MODULE_FILE.test(node.source.file))
      out.push(userValueDiagnostic(node, path, schema, violation));
    else
      out.push(
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
  for (const [step, violations] of byOverride) {
    const telling = mostTelling(violations);
    out.push(
      diagnostic(
        "AP101",
        `the override of step "${step.key}" makes ${path} break ${schema} at "${telling.instancePath || "/"}": ${telling.message}`,
        {
          ...(step.overrides ? { at: step.overrides.source } : {}),
          hint: "override only keys the target's schema has, with values of their type (editors show them on hover)",
        },
      ),
    );
  }
  return out;
}
