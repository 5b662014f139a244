import type { EmitOptions } from "../compiled-directory/emit-options.js";
import { safeFileName } from "../compiled-directory/file-names.js";
import { manifestFile } from "../compiled-directory/manifest.js";
import { schemaDiagnostics } from "../compiled-directory/schema-diagnostics.js";
import { schemaLink } from "../compiled-directory/schema-link.js";
import { computeDocument, datastoreDocument } from "../compiled-directory/spec-documents.js";
import { emittedText } from "../compiled-directory/yaml-text.js";
import type { CompiledFile } from "../compiled-file.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { trainingJobDocument } from "./training-job.js";
import { toV2Jobs } from "./v2-jobs.js";
import { computeValue, datastoreUri, PIPELINE_JOB_SCHEMA, referenceData, uriType } from "./v2-values.js";

function pipelineInputs(
  ir: PipelineIR,
  outputToRoot: string,
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const p of ir.parameters) {
    if (p.default === undefined) continue;
    inputs[p.name] =
      typeof p.default === "object"
        ? {
            type: uriType(p.default.pathOnDatastore),
            path: datastoreUri(p.default.datastore, p.default.pathOnDatastore),
          }
        : p.default;
  }
  for (const r of ir.dataReferences) {
    const data = referenceData(r, outputToRoot);
    if (data) inputs[r.name] = data;
    else {
      diagnostics.push(
        diagnostic("AP700", `SQL data reference "${r.name}" has no v2 input form`, {
          at: r.source,
          hint: "export the table to a datastore path first (e.g. with a v1 DataTransferStep) and read that",
        }),
      );
    }
  }
  return inputs;
}

/**
 * Writes the v2 pipeline job YAML (`pipeline.yaml` with `type: pipeline`, for `az ml job create -f`)
 * plus the same attach specs and manifest as the v1 target, checked against the shipped v2 schema.
 * Steps with no v2 form give AP700 errors.
 */
export function emitV2(
  ir: PipelineIR,
  options: EmitOptions,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  const schemaDirectory =
    options.schemaDirectory ?? `${options.outputToRoot}/node_modules/@amlpipe/compiler/schemas`;
  const { files, diagnostics } = ir.trainingRun
    ? trainingJobFiles(ir, options, schemaDirectory)
    : pipelineJobFiles(ir, options, schemaDirectory);
  for (const c of ir.computes) {
    if (c.kind === "unknown") continue;
    const path = `computes/${safeFileName(c.name)}.yaml`;
    const document = computeDocument(c);
    const text = emittedText(options, document, schemaLink(schemaDirectory, path, "compute.schema.json"));
    diagnostics.push(...schemaDiagnostics(`computes/${c.name}.yaml`, "compute.schema.json", document, ir));
    files.push({ path, text });
  }
  for (const d of ir.datastores) {
    if (d.kind === "unknown") continue;
    const path = `datastores/${safeFileName(d.name)}.yaml`;
    const link = schemaLink(schemaDirectory, path, "datastore.schema.json");
    files.push({ path, text: emittedText(options, datastoreDocument(d), link) });
  }
  if (!options.checkOnly)
    files.push(manifestFile({ ...ir, schedules: [] }, files, "v2", options.toolVersion));
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics };
}

/** A training run's v2 file: `job.yaml`, a command (or Spark) job. */
function trainingJobFiles(
  ir: PipelineIR,
  options: EmitOptions,
  schemaDirectory: string,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  const { document, diagnostics } = trainingJobDocument(ir, options.outputToRoot);
  if (!document) return { files: [], diagnostics };
  diagnostics.push(...schemaDiagnostics("job.yaml", "training-job.v2.schema.json", document, ir));
  const text = emittedText(options, document, `${schemaDirectory}/training-job.v2.schema.json`);
  return { files: [{ path: "job.yaml", text }], diagnostics };
}

/** A pipeline's v2 file: `pipeline.yaml`, a pipeline job. */
function pipelineJobFiles(
  ir: PipelineIR,
  options: EmitOptions,
  schemaDirectory: string,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  const { outputToRoot } = options;
  const diagnostics: Diagnostic[] = [];
  const inputs = pipelineInputs(ir, outputToRoot, diagnostics);
  const { jobs, diagnostics: jobDiagnostics } = toV2Jobs(ir, { outputToRoot });
  diagnostics.push(...jobDiagnostics);
  const defaultStore = ir.datastores.find((d) => d.name === "workspaceblobstore")?.name;
  const document = {
    $schema: PIPELINE_JOB_SCHEMA,
    type: "pipeline",
    display_name: ir.name,
    experiment_name: ir.name,
    ...(ir.description !== undefined ? { description: ir.description } : {}),
    settings: {
      ...(computeValue(ir, ir.defaultCompute)
        ? { default_compute: computeValue(ir, ir.defaultCompute) }
        : {}),
      ...(defaultStore ? { default_datastore: `azureml:${defaultStore}` } : {}),
      continue_on_step_failure: false,
    },
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    jobs,
  };
  const files: CompiledFile[] = [];
  if (Object.keys(jobs).length > 0) {
    const text = emittedText(options, document, `${schemaDirectory}/pipeline-job.v2.schema.json`);
    diagnostics.push(...schemaDiagnostics("pipeline.yaml", "pipeline-job.v2.schema.json", document, ir));
    files.push({ path: "pipeline.yaml", text });
  }
  return { files, diagnostics };
}
