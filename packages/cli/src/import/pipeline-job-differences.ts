import { posix } from "node:path";
import { isObject, type Json, leafDifferences } from "./document-leaves.js";

/** A parsed v2 pipeline job, and the root-relative folder it was read from (for its relative paths). */
export interface PlacedJobDocument {
  readonly document: unknown;
  readonly folder: string;
}

const BINDING = /^\$\{\{\s*parent\.inputs\.([\w.-]+)\s*\}\}$/;
const OUTPUT_BINDING = /^\$\{\{\s*parent\.outputs\.([\w.-]+)\s*\}\}$/;
/** Keys whose string values are paths relative to the file (when they are not URIs or bindings). */
const PATH_KEYS = new Set(["code", "path", "conda_file"]);

/** A relative path as root-relative, so that files in different folders compare. */
function placed(value: string, folder: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.includes("${{")) return value;
  return posix.normalize(posix.join(folder, value));
}

/**
 * The document in a form where equivalent files are equal: job inputs bound to a pipeline data input
 * carry that input's value (inline and hoisted data are one thing), outputs give their default type,
 * relative paths are root-relative and text has its whitespace collapsed (folded commands).
 */
function normalized({ document, folder }: PlacedJobDocument): Record<string, Json> {
  const doc = structuredClone((isObject(document) ? document : {}) as Record<string, Json>);
  const inputs = isObject(doc.inputs) ? doc.inputs : {};
  const jobs = isObject(doc.jobs) ? doc.jobs : {};
  for (const job of Object.values(jobs)) {
    if (!isObject(job)) continue;
    for (const [name, value] of Object.entries(isObject(job.inputs) ? job.inputs : {})) {
      const bound = typeof value === "string" ? value : isObject(value) ? value.path : undefined;
      const target = typeof bound === "string" ? BINDING.exec(bound)?.[1] : undefined;
      const data = target === undefined ? undefined : inputs[target];
      if (isObject(data) && isObject(job.inputs))
        job.inputs[name] = {
          ...data,
          ...(isObject(value) && value.mode !== undefined ? { mode: value.mode } : {}),
        };
    }
    for (const [name, value] of Object.entries(isObject(job.outputs) ? job.outputs : {})) {
      // An output bound to a pipeline output is that output (the reader reports the binding as AP112).
      const target = typeof value === "string" ? OUTPUT_BINDING.exec(value)?.[1] : undefined;
      const declared = target !== undefined && isObject(doc.outputs) ? doc.outputs[target] : value;
      if (isObject(declared) && isObject(job.outputs))
        job.outputs[name] = { type: "uri_folder", ...declared };
    }
    // The older name of a parallel task's arguments.
    if (isObject(job.task) && job.task.args !== undefined && job.task.program_arguments === undefined) {
      job.task.program_arguments = job.task.args;
      delete job.task.args;
    }
  }
  for (const [name, value] of Object.entries(inputs)) if (isObject(value)) delete inputs[name];
  if (Object.keys(inputs).length === 0) delete doc.inputs;
  delete doc.outputs;
  delete doc.$schema;
  // azure-ai-ml's default, which amlpipe writes out.
  if (isObject(doc.settings) && doc.settings.continue_on_step_failure === false)
    delete doc.settings.continue_on_step_failure;
  if (isObject(doc.settings) && Object.keys(doc.settings).length === 0) delete doc.settings;
  const walk = (value: Json, key: string): Json => {
    if (typeof value === "string") {
      const text = value.replace(/\s+/g, " ").trim();
      return PATH_KEYS.has(key) ? placed(text, folder) : text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(doc, "") as Record<string, Json>;
}

/**
 * What differs between the original v2 pipeline job and the one compiled from its imported
 * TypeScript, after normalising what means the same (see {@link normalized}): each setting lost,
 * added or changed, by its dotted path.
 */
export function pipelineJobDifferences(original: PlacedJobDocument, compiled: PlacedJobDocument): string[] {
  return leafDifferences(normalized(original), normalized(compiled));
}
