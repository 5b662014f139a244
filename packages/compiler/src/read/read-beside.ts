import { safeFileName } from "../compiled-directory/file-names.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import { type DataReferenceIR, referenceDatastore } from "../ir/data-reference.js";
import type { DatastoreIR } from "../ir/datastore.js";
import type { ParameterIR } from "../ir/parameter.js";
import type { ScheduleIR } from "../ir/schedule.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { StepIR } from "../ir/step.js";
import { stepOutputs } from "../ir/step-bindings.js";
import { isExistingCompute } from "../kinds/computes/index.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import type { ReadHost } from "./read-host.js";
import { readComputeSpec, readDatastoreSpec, readScheduleSpec } from "./read-specs.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** Where the files beside a pipeline YAML are, and where their problems go. */
export interface BesideFiles {
  /** The path of a file named relative to the pipeline YAML's folder. */
  readonly beside: (relative: string) => string;
  readonly host: ReadHost;
  readonly diagnostics: Diagnostic[];
  /** Where things named by the pipeline but described by no file are said to be. */
  readonly at: SourcePosition;
}

/** The YAML file at `file`, parsed, or undefined when there is none (or it does not parse). */
function parsedSpec(files: BesideFiles, file: string): YamlCursor | undefined {
  const text = files.host.readFile(file);
  return text === undefined ? undefined : parseYamlFile(file, text, files.diagnostics);
}

/**
 * Every compute the steps (and the default) name, from `computes/<name>.yaml` when the pipeline sits in
 * a compiled directory; a compute without a spec is of kind `unknown`.
 */
export function readComputesBeside(
  files: BesideFiles,
  steps: readonly StepIR[],
  defaultCompute: string | undefined,
): ComputeIR[] {
  const names = new Set([
    ...(defaultCompute ? [defaultCompute] : []),
    ...steps.flatMap((s) => s.compute ?? []),
  ]);
  return [...names].map((name): ComputeIR => {
    const cursor = parsedSpec(files, files.beside(`computes/${safeFileName(name)}.yaml`));
    return (cursor && readComputeSpec(cursor)) || { name, kind: "unknown", source: files.at };
  });
}

/** Every datastore the pipeline names anywhere, from `datastores/<name>.yaml` when there is one. */
export function readDatastoresBeside(
  files: BesideFiles,
  named: {
    readonly parameters: readonly ParameterIR[];
    readonly dataReferences: readonly DataReferenceIR[];
    readonly steps: readonly StepIR[];
    readonly computes: readonly ComputeIR[];
  },
): DatastoreIR[] {
  const names = new Set<string>();
  for (const c of named.computes)
    if (c.kind === "adla" && !isExistingCompute(c)) names.add(c.defaultDatastore);
  for (const r of named.dataReferences) {
    const store = referenceDatastore(r);
    if (store !== undefined) names.add(store);
  }
  for (const s of named.steps) for (const o of stepOutputs(s)) if (o.datastore) names.add(o.datastore);
  for (const p of named.parameters) if (typeof p.default === "object") names.add(p.default.datastore);
  return [...names].map((name): DatastoreIR => {
    const cursor = parsedSpec(files, files.beside(`datastores/${safeFileName(name)}.yaml`));
    return (cursor && readDatastoreSpec(cursor)) || { name, kind: "unknown", source: files.at };
  });
}

/** The schedules the manifest lists, from `schedules/<name>.yaml`. */
export function readSchedulesBeside(files: BesideFiles, names: readonly string[]): ScheduleIR[] {
  return names.flatMap((name): ScheduleIR[] => {
    const file = files.beside(`schedules/${safeFileName(name)}.yaml`);
    const cursor = parseYamlFile(file, files.host.readFile(file) ?? "", files.diagnostics);
    const schedule = cursor ? readScheduleSpec(name, cursor) : undefined;
    return schedule ? [schedule] : [];
  });
}
