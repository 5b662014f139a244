import { createHash } from "node:crypto";
import type { EnvironmentIR, StepIR } from "@amlpipe/compiler";

/** The parts a step's cache key is made of, kept so `--explain` can say which one changed. */
export interface CacheParts {
  readonly definition: string;
  readonly code: string;
  readonly environment: string;
  readonly parameters: string;
  readonly inputs: string;
}

function sha(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** Drops source positions: moving a step in the .ts file must not invalidate its results. */
function withoutPositions(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === "source" || key === "unknownKeys" ? undefined : v)),
  );
}

/** Each environment's part, hashed once (every step of a pipeline names one of a few). */
const environmentParts = new WeakMap<EnvironmentIR, string>();

function environmentPart(environment: EnvironmentIR | undefined): string {
  if (!environment) return sha(null);
  let part = environmentParts.get(environment);
  if (part === undefined) {
    part = sha(withoutPositions(environment));
    environmentParts.set(environment, part);
  }
  return part;
}

/** The parts of a step's cache key: definition, code snapshot, environment, parameters, input contents. */
export function cacheParts(
  step: StepIR,
  snapshotSha: string,
  environment: EnvironmentIR | undefined,
  parameters: ReadonlyMap<string, string>,
  inputHashes: ReadonlyMap<string, string>,
): CacheParts {
  return {
    definition: sha(withoutPositions({ ...step, name: undefined })),
    code: snapshotSha,
    environment: environmentPart(environment),
    parameters: sha([...parameters].sort()),
    inputs: sha([...inputHashes].sort()),
  };
}

/** One key from all parts. */
export function cacheKey(parts: CacheParts): string {
  return sha(parts).slice(0, 32);
}

/** What changed between two sets of parts, in words (`--explain`). */
export function describeChange(previous: CacheParts | undefined, current: CacheParts): string {
  if (!previous) return "no earlier result for this step";
  const names: Record<keyof CacheParts, string> = {
    definition: "step definition",
    code: "code (source directory snapshot)",
    environment: "environment",
    parameters: "parameter values",
    inputs: "input data",
  };
  const changed = (Object.keys(names) as (keyof CacheParts)[]).filter((k) => previous[k] !== current[k]);
  return changed.length === 0
    ? "same inputs, but the earlier result is gone"
    : `${changed.map((k) => names[k]).join(", ")} changed`;
}
