import type { compute, ComputeKind as DslComputeKind } from "@amlpipe/dsl";
import type { AttachedComputeIR, ComputeIR, UnknownComputeIR } from "../../ir/compute.js";
import type { SecretRefIR } from "../../ir/secret.js";
import type { SchemaFragment } from "../steps/step-kind.js";

/** The IR of one compute kind's attach spec (an existing compute has none: `ExistingComputeIR`). */
export type ComputeIROf<K extends ComputeIR["kind"]> = Extract<
  AttachedComputeIR | UnknownComputeIR,
  { readonly kind: K }
>;

/** The fields of `T` that hold a secret reference. */
export type SecretKeys<T> = {
  [P in keyof T]-?: NonNullable<T[P]> extends SecretRefIR ? P : never;
}[keyof T] &
  string;

/** Where a compute's resource lives when its settings do not say: the workspace's subscription and group. */
export interface ResourceScope {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

/** The ARM shape a resource id must have, with an example for the hint. */
export interface ResourceIdShape {
  readonly pattern: RegExp;
  readonly example: string;
}

/**
 * Everything the compiler knows of one compute kind, in one object: its DSL factory, its attach
 * spec's keys and schema, which fields are secrets, the shape and identity of the Azure resource it
 * attaches, and how graphs draw it. Which step kinds run on it comes from the step kinds'
 * `computeKinds`. `COMPUTE_KINDS` lists one per kind, typed so that a missing part does not compile.
 */
export interface ComputeKindDef<K extends DslComputeKind> {
  readonly kind: K;
  /** One-line summary for docs. */
  readonly summary: string;
  /** Its DSL factory: `compute.<factory>(...)`. */
  readonly factory: keyof typeof compute;
  /** Its attach spec's keys (`computes/<name>.yaml`, snake_case) with their schemas. */
  readonly specKeys: Readonly<Record<string, SchemaFragment>>;
  /** Spec keys it cannot do without. */
  readonly requiredSpecKeys: readonly string[];
  /** IR fields that hold secret references (every one of them: see `allOf`). */
  readonly secretFields: readonly SecretKeys<ComputeIROf<K>>[];
  /** Settings with a default the lowering fills in. */
  readonly defaults: Readonly<Partial<ComputeIROf<K>>>;
  /** The shape its `resourceId` must have (AP306), for kinds attached by resource id. */
  readonly resourceIdShape?: ResourceIdShape;
  /**
   * The ARM id of the resource it attaches, when it attaches one: what AP304 compares and what the
   * attach body sends, so the two can never disagree.
   */
  armResourceId(c: ComputeIROf<K>, scope: ResourceScope): string | undefined;
  /** Settings `import` writes for a compute of this kind that a YAML names without a spec. */
  readonly placeholder?: Readonly<Record<string, unknown>>;
  /** Fill colour of its steps in `amlpipe graph`. */
  readonly colour: string;
}

/** One definition per compute kind the DSL can declare. */
export type ComputeKindTable = { readonly [K in DslComputeKind]: ComputeKindDef<K> };

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/<provider>/<name>`. */
export function armId(subscriptionId: string, resourceGroup: string, provider: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${provider}/${name}`;
}

/** The ARM id shape `/subscriptions/<sub>/resourceGroups/<rg>/providers/<provider path>`. */
export function resourceIdShape(providerPattern: string, example: string): ResourceIdShape {
  return {
    pattern: new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${providerPattern}$`, "i"),
    example: `/subscriptions/<sub>/resourceGroups/<rg>/providers/${example}`,
  };
}
