import type { ComputeKind as DslComputeKind } from "@amlpipe/dsl";
import type { ComputeIR } from "../../ir/compute.js";
import { aciCompute } from "./aci.js";
import { adlaCompute } from "./adla.js";
import { amlClusterCompute } from "./aml-cluster.js";
import { azureBatchCompute } from "./azure-batch.js";
import { computeInstanceCompute } from "./compute-instance.js";
import type { ComputeKindDef, ComputeKindTable, ResourceScope } from "./compute-kind.js";
import { dataFactoryCompute } from "./data-factory.js";
import { databricksCompute } from "./databricks.js";
import { hdInsightCompute } from "./hdinsight.js";
import { kubernetesCompute } from "./kubernetes.js";
import { localCompute } from "./local.js";
import { remoteVmCompute } from "./remote-vm.js";
import { synapseSparkCompute } from "./synapse-spark.js";

/**
 * Every compute kind's definition, keyed by kind. Adding a kind: its DSL settings and factory
 * (`dsl/src/compute.ts`), its IR (`ir/compute.ts`), its file here and this line, and its ARM entry
 * (`runtime/src/azure/arm-compute-kinds.ts`); `tsc` names each one that is missing.
 */
export const COMPUTE_KINDS: ComputeKindTable = {
  local: localCompute,
  aml_cluster: amlClusterCompute,
  compute_instance: computeInstanceCompute,
  remote_vm: remoteVmCompute,
  hdinsight: hdInsightCompute,
  synapse_spark: synapseSparkCompute,
  azure_batch: azureBatchCompute,
  databricks: databricksCompute,
  adla: adlaCompute,
  data_factory: dataFactoryCompute,
  kubernetes: kubernetesCompute,
  aci: aciCompute,
};

/** Graph colour of a compute a YAML names without a spec (its kind unknown). */
export const UNKNOWN_COMPUTE_COLOUR = "#ffffff";

/** The definition of a compute's kind, or undefined for a compute whose kind no spec tells. */
export function computeKindOf(c: ComputeIR): ComputeKindDef<DslComputeKind> | undefined {
  return c.kind === "unknown" ? undefined : (COMPUTE_KINDS[c.kind] as ComputeKindDef<DslComputeKind>);
}

/** The IR fields of `kind` that hold secret references (none for an unknown kind). */
export function secretFieldsOf(kind: string): readonly string[] {
  return Object.hasOwn(COMPUTE_KINDS, kind) ? COMPUTE_KINDS[kind as DslComputeKind].secretFields : [];
}

/** True for a compute the pipeline refers to as already attached (`compute.existing`): no spec. */
export function isExistingCompute(c: ComputeIR): c is Extract<ComputeIR, { readonly existing: true }> {
  return "existing" in c && c.existing === true;
}

/**
 * The ARM id of the resource a compute attaches, when it attaches one (an existing compute attaches
 * nothing here: the workspace knows its resource).
 */
export function armResourceIdOf(c: ComputeIR, scope: ResourceScope): string | undefined {
  if (c.kind === "unknown" || isExistingCompute(c)) return undefined;
  return (COMPUTE_KINDS[c.kind] as ComputeKindDef<typeof c.kind>).armResourceId(c as never, scope);
}

/** Graph colour of a compute kind. */
export function computeColour(kind: string): string {
  return Object.hasOwn(COMPUTE_KINDS, kind)
    ? COMPUTE_KINDS[kind as DslComputeKind].colour
    : UNKNOWN_COMPUTE_COLOUR;
}
