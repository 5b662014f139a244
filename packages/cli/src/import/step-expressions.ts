import { posix } from "node:path";
import type { ArgumentIR, PipelineIR, StepIR } from "@amlpipe/compiler";
import { literals, objectExpression } from "./constructor-expressions.js";
import { literal } from "./identifiers.js";

/** `object.name`, or `object["odd-name"]` when the name is not an identifier. */
export const member = (object: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;

const BASE_KEYS = new Set([
  "type",
  "key",
  "name",
  "source",
  "compute",
  "sourceDirectory",
  "environment",
  "arguments",
  "parameters",
  "inputs",
  "outputs",
  "allowReuse",
  "after",
  "unknownKeys",
]);

/** A step's own settings: every field but those all step kinds share. */
function ownSettings(step: StepIR): Record<string, unknown> {
  return Object.fromEntries(Object.entries(step).filter(([key]) => !BASE_KEYS.has(key)));
}

/** The options object of a step's constructor call, as expressions. */
export function stepOptions(
  step: StepIR,
  tsFileDir: string,
  sourceOf: (from: string) => string | undefined,
  datastoreId: (name: string) => string,
): Record<string, string | undefined> {
  const directory =
    step.sourceDirectory === undefined ? undefined : posix.relative(tsFileDir, step.sourceDirectory) || ".";
  switch (step.type) {
    case "PythonScriptStep":
      return literals({ script: step.scriptName, sourceDirectory: directory, framework: step.framework });
    case "ParallelRunStep":
      return literals({ ...step.parallelRunConfig, sourceDirectory: directory });
    case "AdlaStep":
      return literals({
        script: step.scriptName,
        sourceDirectory: directory,
        degreeOfParallelism: step.degreeOfParallelism,
        priority: step.priority,
        runtimeVersion: step.runtimeVersion,
      });
    case "AzureBatchStep":
    case "DatabricksStep":
      // Their own settings map one to one onto the constructor's options.
      return literals({ ...ownSettings(step), sourceDirectory: directory });
    case "DataTransferStep": {
      const destination = step.destinationDataReference;
      return {
        from: sourceOf(step.sourceDataReference.from) ?? literal(`TODO: ${step.sourceDataReference.from}`),
        to: objectExpression({
          ...literals({
            destination:
              destination.destination === `${step.key}_${destination.name}`
                ? undefined
                : destination.destination,
          }),
          datastore: destination.datastore ? datastoreId(destination.datastore) : undefined,
        }),
        ...literals({
          sourceName: step.sourceDataReference.name === "source" ? undefined : step.sourceDataReference.name,
          destinationName: destination.name === "destination" ? undefined : destination.name,
          sourceReferenceType: step.sourceReferenceType,
          destinationReferenceType: step.destinationReferenceType,
        }),
      };
    }
  }
}

/** A step's arguments as an `args()` call argument: a list, or a callback over the declared names. */
export function argumentsExpression(
  step: StepIR,
  dropped: ReadonlySet<string>,
  clean: (ok: boolean) => void,
): string {
  const names = {
    input: { group: "inputs", names: new Set(step.inputs.map((i) => i.name)) },
    output: { group: "outputs", names: new Set(step.outputs.map((o) => o.name)) },
    parameter: { group: "params", names: new Set(step.parameters.map((p) => p.name)) },
    side_input: {
      group: "sideInputs",
      names: new Set(step.type === "ParallelRunStep" ? step.sideInputs.map((s) => s.name) : []),
    },
  };
  const groups = new Set<string>();
  const items = step.arguments.map((arg: ArgumentIR) => {
    if (typeof arg !== "object") return literal(arg);
    const table = names[arg.ref];
    if (
      !table.names.has(arg.name) ||
      ((arg.ref === "input" || arg.ref === "side_input") && dropped.has(arg.name))
    ) {
      clean(false);
      return literal(`${arg.ref}:${arg.name}`);
    }
    groups.add(table.group);
    return member(table.group, arg.name);
  });
  return groups.size === 0
    ? `[${items.join(", ")}]`
    : `({ ${[...groups].join(", ")} }) => [${items.join(", ")}]`;
}

/** A compute of a kind guessed from its steps, with TODO settings (no attach spec in the YAML). */
export function placeholderCompute(name: string, kind: string, source: PipelineIR["source"]) {
  const settings: Record<string, Record<string, unknown>> = {
    adla: { accountName: "TODO", resourceGroup: "TODO", defaultDatastore: "TODO_default_store" },
    azure_batch: { accountName: "TODO", resourceGroup: "TODO" },
    databricks: {
      workspaceName: "TODO",
      resourceGroup: "TODO",
      accessToken: { kind: "env", name: "TODO_DATABRICKS_TOKEN" },
    },
  };
  return { name, kind, source, ...(settings[kind] ?? {}) } as never;
}
