import {
  type Diagnostic,
  diagnostic,
  isExistingCompute,
  type PipelineIR,
  referenceDatastore,
  STEP_KINDS,
} from "@amlpipe/compiler";
import type { AzureMachineLearningWorkspaces, ComputeResource, Datastore } from "@azure/arm-machinelearning";
import { ARM_DATASTORE_TYPE, kindOfComputeType } from "./compute-kinds.js";
import type { WorkspaceTarget } from "./create-client.js";
import type { AttachAction } from "./plan-attach.js";

/**
 * Checks what only the live workspace can tell, before anything is changed: every datastore exists
 * with the kind the pipeline assumes (AP801); every step's compute exists, or is attached by this
 * submit, with a kind the step can use (AP802); and each ADLA compute's real default Data Lake Store
 * holds every input and output of its AdlaSteps (AP800).
 */
export async function liveChecks(
  ir: PipelineIR,
  client: AzureMachineLearningWorkspaces,
  target: WorkspaceTarget,
  existing: ReadonlyMap<string, ComputeResource>,
  actions: readonly AttachAction[],
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const datastores = new Map<string, Datastore>();
  for await (const d of client.datastores.list(target.resourceGroup, target.workspace))
    if (d.name) datastores.set(d.name, d);

  for (const store of ir.datastores) {
    const live = datastores.get(store.name);
    if (!live) {
      diagnostics.push(
        diagnostic("AP801", `datastore "${store.name}" does not exist in workspace "${target.workspace}"`, {
          at: store.source,
          hint: "register it in the workspace first (az ml datastore create)",
        }),
      );
      continue;
    }
    const expected = ARM_DATASTORE_TYPE[store.kind];
    const actual = (live.properties as { datastoreType?: string }).datastoreType;
    if (expected && actual !== expected) {
      diagnostics.push(
        diagnostic(
          "AP801",
          `datastore "${store.name}" is ${actual} in the workspace, but the pipeline declares it ${store.kind}`,
          { at: store.source },
        ),
      );
    }
  }

  const planned = new Map(actions.map((a) => [a.compute, a]));
  const kindOf = (name: string) => {
    const action = planned.get(name);
    const type = (action?.body?.properties ?? existing.get(name)?.properties)?.computeType;
    return type === undefined ? undefined : kindOfComputeType(type);
  };
  // An existing compute missing from the workspace is reported once, at its line, not per step.
  const reported = new Set<string>();
  for (const compute of ir.computes) {
    if (!isExistingCompute(compute)) continue;
    const kind = kindOf(compute.name);
    if (kind === undefined) {
      reported.add(compute.name);
      diagnostics.push(
        diagnostic("AP802", `compute "${compute.name}" does not exist in workspace "${target.workspace}"`, {
          at: compute.source,
          hint: `compute.existing names a compute that is attached already: attach it (az ml compute attach), or declare its settings so amlpipe attaches it`,
        }),
      );
    } else if (kind !== "unknown" && kind !== compute.kind)
      diagnostics.push(
        diagnostic(
          "AP802",
          `compute "${compute.name}" is a ${kind} compute in the workspace, but the pipeline declares it an existing ${compute.kind}`,
          { at: compute.source, hint: `write compute.existing("${compute.name}", "${kind}")` },
        ),
      );
  }

  for (const step of ir.steps) {
    const name = step.compute ?? ir.defaultCompute;
    if (name === undefined || reported.has(name)) continue;
    // A step on `local` is refused before this (AP702, with the REST form of the job).
    if (ir.computes.find((c) => c.name === name)?.kind === "local") continue;
    const kind = kindOf(name);
    if (kind === undefined) {
      diagnostics.push(
        diagnostic(
          "AP802",
          `step "${step.key}" runs on compute "${name}", which is not attached and not attached by this submit`,
          { at: step.source },
        ),
      );
    } else if (
      kind !== "unknown" &&
      !(STEP_KINDS[step.type].computeKinds as readonly string[]).includes(kind)
    ) {
      diagnostics.push(
        diagnostic(
          "AP802",
          `step "${step.key}" (${step.type}) runs on "${name}", which the workspace has as a ${kind} compute`,
          { at: step.source },
        ),
      );
    }
  }

  for (const step of ir.steps) {
    if (step.type !== "AdlaStep") continue;
    const name = step.compute ?? ir.defaultCompute;
    const live = name ? existing.get(name) : undefined;
    const store = (live?.properties as { properties?: { dataLakeStoreAccountName?: string } } | undefined)
      ?.properties?.dataLakeStoreAccountName;
    if (!store) continue; // attached by this submit: the service sets the store; checked on the next submit
    const used = [
      ...step.inputs.flatMap((i) => {
        const reference = ir.dataReferences.find((r) => r.name === i.from);
        const datastore = reference && referenceDatastore(reference);
        return datastore ? [{ name: i.name, datastore, at: i.source }] : [];
      }),
      ...step.outputs.flatMap((o) =>
        o.datastore ? [{ name: o.name, datastore: o.datastore, at: o.source }] : [],
      ),
    ];
    for (const binding of used) {
      const live = datastores.get(binding.datastore)?.properties as
        | { datastoreType?: string; storeName?: string }
        | undefined;
      if (
        live?.datastoreType !== "AzureDataLakeGen1" ||
        live.storeName?.toLowerCase() !== store.toLowerCase()
      ) {
        diagnostics.push(
          diagnostic(
            "AP800",
            `AdlaStep "${step.key}" uses "${binding.name}" on datastore "${binding.datastore}", but ADLA compute "${name}"'s default Data Lake Store is "${store}"`,
            {
              at: binding.at,
              hint: `copy the data to a datastore on "${store}" first with a DataTransferStep`,
            },
          ),
        );
      }
    }
  }
  return diagnostics;
}
