import { posix } from "node:path";
import type { ArgumentIR, PipelineIR, StepIR } from "@amlpipe/compiler";
import { literals, objectExpression } from "./constructor-expressions.js";
import { literal } from "./identifiers.js";

/** `object.name`, or `object["odd-name"]` when the name is not an identifier. */
export const member = (object: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;

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
    case "AzureBatchStep": {
      const {
        executable,
        poolId,
        createPool,
        vmSize,
        vmImageUrn,
        deleteBatchJobAfterFinish,
        deleteBatchPoolAfterFinish,
        isPositiveExitCodeFailure,
        runTaskAsAdmin,
        targetComputeNodes,
      } = step;
      return literals({
        executable,
        sourceDirectory: directory,
        poolId,
        createPool,
        vmSize,
        vmImageUrn,
        deleteBatchJobAfterFinish,
        deleteBatchPoolAfterFinish,
        isPositiveExitCodeFailure,
        runTaskAsAdmin,
        targetComputeNodes,
      });
    }
    case "DatabricksStep": {
      const {
        type: _t,
        key: _k,
        name: _n,
        source: _s,
        compute: _c,
        sourceDirectory: _d,
        environment: _e,
        arguments: _a,
        parameters: _p,
        inputs: _i,
        outputs: _o,
        allowReuse: _r,
        after: _f,
        unknownKeys: _u,
        ...own
      } = step;
      return literals({ ...own, sourceDirectory: directory });
    }
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
