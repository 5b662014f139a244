import type { EmitOptions } from "../compiled-directory/emit-options.js";
import { safeFileName } from "../compiled-directory/file-names.js";
import { manifestFile, type TrainingRunManifest } from "../compiled-directory/manifest.js";
import { schemaDiagnostics } from "../compiled-directory/schema-diagnostics.js";
import { schemaLink } from "../compiled-directory/schema-link.js";
import {
  computeDocument,
  datastoreDocument,
  scheduleDocument,
} from "../compiled-directory/spec-documents.js";
import { emittedText } from "../compiled-directory/yaml-text.js";
import type { CompiledFile } from "../compiled-file.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { STEP_KINDS, withKind } from "../kinds/steps/index.js";
import { pathFromOutput } from "../names/project-paths.js";
import type { SchemaName } from "../schema/schema-registry.js";
import { pipelineDocument } from "./pipeline-document.js";
import { environmentDocument, runconfigFor } from "./runconfig-document.js";
import { trainingRunconfigDocument, trainingRunStep } from "./training-run-document.js";

/** A file to write, the schema it must satisfy, and its parsed content (for the schema check). */
interface PlannedFile {
  readonly path: string;
  readonly schema: SchemaName;
  readonly document: unknown;
  /** A copy of a side file that was not read (its settings unknown): not held to the schema. */
  readonly unchecked?: true;
}

/**
 * Writes the v1 compiled directory's files (pipeline.yaml, computes/, datastores/, runconfigs/,
 * parallel_run_configs/, schedules/, manifest.json). Every file is checked against its shipped JSON
 * Schema; a violation is AP105 (an amlpipe bug, reported rather than written). Deterministic.
 */
export function emitV1(
  ir: PipelineIR,
  options: EmitOptions,
): { files: CompiledFile[]; diagnostics: Diagnostic[] } {
  const planned = ir.trainingRun ? trainingRunFiles(ir) : pipelineFiles(ir, options);
  planned.push(...specFiles(ir));
  const schemaDirectory =
    options.schemaDirectory ?? `${options.outputToRoot}/node_modules/@amlpipe/compiler/schemas`;
  const diagnostics: Diagnostic[] = localDataRefusals(ir);
  if (diagnostics.length > 0) return { files: [], diagnostics };
  const files: CompiledFile[] = planned.map((file) => {
    const text = emittedText(options, file.document, schemaLink(schemaDirectory, file.path, file.schema));
    // The plain document is what was serialised; checking it (not a re-parse) keeps big pipelines fast.
    if (!file.unchecked) diagnostics.push(...schemaDiagnostics(file.path, file.schema, file.document, ir));
    return { path: file.path, text };
  });
  if (!options.checkOnly) {
    const manifest = manifestFile(ir, files, "v1", options.toolVersion, trainingRunFacts(ir, options));
    diagnostics.push(
      ...schemaDiagnostics(manifest.path, "manifest.schema.json", JSON.parse(manifest.text), ir),
    );
    files.push(manifest);
  }
  // Sorted by path, so the order of computes or datastores in the IR never changes the output.
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    diagnostics,
  };
}

/** AP111 for every local path the pipeline reads: the v1 YAML can only name data on a datastore. */
function localDataRefusals(ir: PipelineIR): Diagnostic[] {
  return ir.dataReferences.flatMap((r) =>
    r.kind === "local_path"
      ? [
          diagnostic(
            "AP111",
            `data reference "${r.name}" is the local path "${r.path}", which the v1 YAML cannot name`,
            {
              at: r.source,
              hint: "compile with --target v2 (az ml uploads local data), or put the data on a datastore and use datastore.path(...)",
            },
          ),
        ]
      : [],
  );
}

/** A training run's one file: `<name>.runconfig`, what `az ml run submit-script -c <name>` reads. */
function trainingRunFiles(ir: PipelineIR): PlannedFile[] {
  return [
    {
      path: `${safeFileName(ir.name)}.runconfig`,
      schema: "runconfig.schema.json",
      document: trainingRunconfigDocument(ir),
    },
  ];
}

/** What the manifest of a training run records beyond a pipeline's (the RunConfiguration has no room). */
function trainingRunFacts(ir: PipelineIR, options: EmitOptions): TrainingRunManifest | undefined {
  if (!ir.trainingRun) return undefined;
  const step = trainingRunStep(ir);
  return {
    experiment: ir.trainingRun.experiment,
    runconfig: `${safeFileName(ir.name)}.runconfig`,
    sourceDirectory: pathFromOutput(options.outputToRoot, step.sourceDirectory ?? "."),
  };
}

/** pipeline.yaml, and the runconfig and ParallelRunConfig files its steps point at. */
function pipelineFiles(ir: PipelineIR, options: EmitOptions): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const runconfigs = new Map<string, string>();
  const parallelRunConfigs = new Map<string, string>();
  const environments = new Map(ir.environments.map((e) => [e.name, e]));

  for (const step of ir.steps) {
    const environment = step.environment ? environments.get(step.environment) : undefined;
    const compute = step.compute ?? ir.defaultCompute;
    // A kind the loader passes no runconfig to carries its environment in its own side file.
    const takesRunconfig = !STEP_KINDS[step.type].v1OmittedCommonKeys?.includes("runconfig");
    const plan = takesRunconfig ? runconfigFor(step, environment, compute) : undefined;
    if (plan) {
      runconfigs.set(step.key, plan.path);
      if (!planned.some((p) => p.path === plan.path)) {
        planned.push({ path: plan.path, schema: "runconfig.schema.json", document: plan.document });
      }
    }
    const sideFile = withKind(step, (kind, own) =>
      kind.sideFile?.(own, {
        safeName: safeFileName(step.key),
        ...(step.sourceDirectory !== undefined
          ? { sourceDirectory: pathFromOutput(options.outputToRoot, step.sourceDirectory) }
          : {}),
        ...(compute ? { compute } : {}),
        environment: environmentDocument(environment),
      }),
    );
    if (sideFile) {
      parallelRunConfigs.set(step.key, sideFile.path);
      planned.push(step.unreadSideFile ? { ...sideFile, unchecked: true } : sideFile);
    }
  }
  planned.unshift({
    path: "pipeline.yaml",
    schema: "pipeline.v1.schema.json",
    document: pipelineDocument(ir, options.outputToRoot, {
      runconfig: runconfigs,
      parallelRunConfig: parallelRunConfigs,
    }),
  });
  return planned;
}

/** The attach specs (computes/, datastores/) and schedules/ beside the pipeline or run. */
function specFiles(ir: PipelineIR): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const compute of ir.computes) {
    if (compute.kind === "unknown") continue;
    planned.push({
      path: `computes/${safeFileName(compute.name)}.yaml`,
      schema: "compute.schema.json",
      document: computeDocument(compute),
    });
  }
  for (const datastore of ir.datastores) {
    if (datastore.kind === "unknown") continue;
    planned.push({
      path: `datastores/${safeFileName(datastore.name)}.yaml`,
      schema: "datastore.schema.json",
      document: datastoreDocument(datastore),
    });
  }
  for (const schedule of ir.schedules) {
    planned.push({
      path: `schedules/${safeFileName(schedule.name)}.yaml`,
      schema: "schedule.schema.json",
      document: scheduleDocument(schedule),
    });
  }

  return planned;
}
