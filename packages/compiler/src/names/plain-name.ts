import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { SourcePosition } from "../ir/source-position.js";
import { stepBindings } from "../ir/step-bindings.js";
import { outsideProjectProblem, outsideSeverity, type ProjectPathOptions } from "./project-paths.js";

/**
 * The one rule for names that become file or folder names (pipeline, step, binding, output,
 * datastore, data reference, compute, environment, schedule): 1 to 255 ASCII letters, digits, `_`,
 * `-` and `.`, starting with a letter, digit or `_`. So `.`, `..`, `/`, `\`, absolute paths, NUL,
 * spaces and control characters can never reach a path. Azure ML's own names are stricter still.
 */
export const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

/** Why `name` is not a plain name, or undefined when it is one. */
export function plainNameProblem(name: unknown): string | undefined {
  // Untyped callers can pass anything; RegExp.test would read null as the plain name "null".
  if (typeof name !== "string") return `it is ${name === null ? "null" : `a ${typeof name}`}, not a string`;
  if (PLAIN_NAME.test(name)) return undefined;
  if (name === "") return "it is empty";
  if (name.length > 255) return "it is longer than 255 characters";
  if (name === "." || name === "..") return "it names a folder, not a thing";
  if (/[/\\]/.test(name)) return "it holds a path separator";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) return "it holds a control character";
  if (/^[.-]/.test(name)) return "it starts with a dot or a dash";
  return "it holds characters other than letters, digits, _, - and .";
}

/** One name of a pipeline that becomes a path, with what it names and where it was written. */
interface NamedThing {
  readonly what: string;
  readonly name: string;
  readonly at: SourcePosition;
}

function namedThings(ir: PipelineIR): NamedThing[] {
  const things: NamedThing[] = [{ what: "pipeline", name: ir.name, at: ir.source }];
  const add = (what: string, list: readonly { name: string; source: SourcePosition }[]) => {
    for (const item of list) things.push({ what, name: item.name, at: item.source });
  };
  add("datastore", ir.datastores);
  add("data reference", ir.dataReferences);
  add("compute", ir.computes);
  add("environment", ir.environments);
  add("schedule", ir.schedules);
  for (const step of ir.steps) {
    things.push({ what: "step", name: step.key, at: step.source });
    const bindings = stepBindings(step);
    add(`input of step "${step.key}"`, bindings.inputs);
    add(`output of step "${step.key}"`, bindings.outputs);
    for (const output of bindings.outputs) {
      things.push({ what: "output destination", name: output.destination, at: output.source });
      if (output.datastore !== undefined)
        things.push({ what: "output datastore", name: output.datastore, at: output.source });
    }
  }
  return things;
}

/**
 * AP109 for every name that becomes a path and is not a plain name, and AP110 for every folder the
 * pipeline reads that lies outside the project root (source directories) or climbs out of its
 * datastore (`path_on_datastore` with `..`). Run by the YAML reader and by the DSL lowering, so
 * `compile`, `run` and `submit` all refuse such a pipeline before any file is touched, at the line
 * that wrote it.
 */
export function checkPathSafety(ir: PipelineIR, options: ProjectPathOptions = {}): Diagnostic[] {
  return [...checkNames(ir), ...checkFolders(ir, options)];
}

function checkNames(ir: PipelineIR): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const thing of namedThings(ir)) {
    const problem = plainNameProblem(thing.name);
    const key = `${thing.what}\u0000${thing.name}`;
    if (problem === undefined || seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(
      diagnostic(
        "AP109",
        `${thing.what} name ${JSON.stringify(thing.name)} is not a plain name: ${problem}`,
        {
          at: thing.at,
          hint: 'names become file and folder names: use letters, digits, _, - and . (not first), e.g. "prepare_data"',
        },
      ),
    );
  }
  return diagnostics;
}

function checkFolders(ir: PipelineIR, options: ProjectPathOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const step of ir.steps) {
    const problem =
      step.sourceDirectory === undefined ? undefined : outsideProjectProblem(step.sourceDirectory, options);
    if (problem === undefined || step.sourceDirectory === undefined) continue;
    diagnostics.push(
      diagnostic(
        "AP110",
        `step "${step.key}" takes its snapshot from ${JSON.stringify(step.sourceDirectory)}, which amlpipe will not read: ${problem}`,
        {
          at: step.source,
          hint: "keep step code inside the project (paths are relative to the pipeline file), or allow the folder with --allow-outside DIR",
          severity: outsideSeverity(step.sourceDirectory, options),
        },
      ),
    );
  }
  for (const local of ir.dataReferences) {
    const problem = local.kind === "local_path" ? outsideProjectProblem(local.path, options) : undefined;
    if (problem === undefined || local.kind !== "local_path") continue;
    // Local data is uploaded by submit and read by run: it must stay inside the project too.
    diagnostics.push(
      diagnostic(
        "AP110",
        `data reference "${local.name}" is the local path ${JSON.stringify(local.path)}, which amlpipe will not read: ${problem}`,
        {
          at: local.source,
          hint: "keep local data inside the project, or allow the folder with --allow-outside DIR",
          severity: outsideSeverity(local.path, options),
        },
      ),
    );
  }
  const paths = [
    ...ir.dataReferences.flatMap((r) => (r.kind === "datastore_path" ? [r] : [])),
    ...ir.parameters.flatMap((p) =>
      typeof p.default === "object"
        ? [{ name: p.name, pathOnDatastore: p.default.pathOnDatastore, source: p.source }]
        : [],
    ),
  ];
  for (const reference of paths) {
    if (!reference.pathOnDatastore.replace(/\\/g, "/").split("/").includes("..")) continue;
    diagnostics.push(
      diagnostic(
        "AP110",
        `data reference "${reference.name}" climbs out of its datastore: path_on_datastore ${JSON.stringify(reference.pathOnDatastore)} holds ".."`,
        {
          at: reference.source,
          hint: "write the path from the datastore's root, without .. segments",
        },
      ),
    );
  }
  return diagnostics;
}
