import { type CacheParts, describeChange } from "./cache-key.js";

/** Whether a step's committed result can stand for this run, and why (shown in the run record). */
export type ReuseDecision =
  | { readonly reuse: true; readonly runId: string }
  | { readonly reuse: false; readonly reason: string };

/** What the reuse decision is made from. */
export interface ReuseFacts {
  /** The step's `allow_reuse`. */
  readonly allowReuse: boolean;
  /** The user asked for every step to run (`--force`). */
  readonly forced?: boolean;
  /** The committed result under this cache key, if there is one. */
  readonly committed?: { readonly runId: string };
  /** Outputs of the committed result whose content changed after it was committed. */
  readonly tampered: readonly string[];
  /** The cache parts the step's last run had (read only when the step runs, to say why), and this run's. */
  readonly previous: () => CacheParts | undefined;
  readonly parts: CacheParts;
}

/**
 * Reuse a committed result only when the step allows it, a result exists for the same cache key, and
 * nobody changed its outputs since; otherwise say what made it run.
 */
export function decideReuse(facts: ReuseFacts): ReuseDecision {
  if (facts.forced) return { reuse: false, reason: "--force asked for every step to run" };
  if (!facts.allowReuse) return { reuse: false, reason: "allow_reuse is false" };
  if (facts.committed && facts.tampered.length === 0) return { reuse: true, runId: facts.committed.runId };
  if (facts.tampered.length > 0)
    return {
      reuse: false,
      reason: `the committed result was changed after its run (${facts.tampered.join(", ")})`,
    };
  return { reuse: false, reason: describeChange(facts.previous(), facts.parts) };
}
