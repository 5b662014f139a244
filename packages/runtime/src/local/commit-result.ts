import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { hashTree } from "../snapshot/hash-tree.js";
import type { CacheParts } from "./cache-key.js";
import { makeReadOnly, makeWritable } from "./result-permissions.js";
import { writeJsonInPlace } from "./run-record.js";

/** The marker a committed result ends with: its outputs' hashes and the run that made it. */
export interface DoneMarker {
  readonly outputs: Record<string, string>;
  readonly runId: string;
}

/** Where a step's finished work is and where its result goes. */
export interface CommitPlan {
  /** The step's working folder (its snapshot copy), removed once the result is committed. */
  readonly work: string;
  /** The folder holding one folder per output, which becomes the result's `outputs/`. */
  readonly staged: string;
  readonly outputNames: readonly string[];
  /** The result folder of the step's cache key. */
  readonly resultDir: string;
  /** The step's result index (its last cache parts), for "what changed" next time. */
  readonly indexFile: string;
  readonly parts: CacheParts;
  readonly runId: string;
}

/**
 * Commits a succeeded step: its outputs move into the result folder (made read-only), and the
 * `done.json` marker is written last, so a result without a marker is never reused. Returns the
 * outputs' hashes.
 */
export async function commitResult(plan: CommitPlan): Promise<Record<string, string>> {
  const { staged } = plan;
  mkdirSync(staged, { recursive: true }); // a step with no outputs still commits (an empty folder)
  const hashes: Record<string, string> = {};
  for (const name of plan.outputNames) hashes[name] = (await hashTree(join(staged, name))).sha256;
  makeWritable(plan.resultDir);
  rmSync(plan.resultDir, { recursive: true, force: true });
  mkdirSync(plan.resultDir, { recursive: true });
  renameSync(staged, join(plan.resultDir, "outputs"));
  makeReadOnly(join(plan.resultDir, "outputs"));
  // Both read back by readJson: a marker cut short by a crash reads as no marker (the step reruns).
  writeJsonInPlace(join(plan.resultDir, "done.json"), {
    outputs: hashes,
    runId: plan.runId,
  } satisfies DoneMarker);
  writeJsonInPlace(plan.indexFile, plan.parts);
  rmSync(plan.work, { recursive: true, force: true });
  return hashes;
}

/** Names of a committed result's outputs whose content no longer matches its `done.json` hashes. */
export async function changedOutputs(resultDir: string, done: DoneMarker): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, sha256] of Object.entries(done.outputs)) {
    const dir = join(resultDir, "outputs", name);
    if (!existsSync(dir) || (await hashTree(dir)).sha256 !== sha256) changed.push(name);
  }
  return changed;
}
