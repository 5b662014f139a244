import { resolve } from "node:path";
import { below, within } from "../fs/path-guard.js";

/**
 * Where the local backend keeps its state (`.amlpipe/` by default): datastores as folders, the
 * content-addressed snapshot store, step results by cache key, and run records. Every path it hands
 * out is checked to lie below the state folder (a step key or datastore name of `..` throws
 * OutsideRootError instead of naming the project), so deletes under these paths stay inside it.
 */
export class LocalLayout {
  readonly root: string;

  constructor(stateDir: string) {
    this.root = resolve(stateDir);
  }

  /** Folder of a datastore. */
  datastore(name: string): string {
    return below(this.root, "datastores", name);
  }
  /** A path on a datastore; leading slashes are from the datastore's root, `..` cannot climb out. */
  onDatastore(name: string, pathOnDatastore: string): string {
    return within(this.datastore(name), pathOnDatastore.replace(/^[/\\]+/, ""));
  }
  /** The content-addressed store of snapshot files. */
  get objects(): string {
    return below(this.root, "snapshots", "objects");
  }
  /** Results of one step execution, by its cache key (outputs, and a `done.json` when complete). */
  result(cacheKey: string): string {
    return below(this.root, "results", cacheKey);
  }
  /** The last cache parts of a pipeline's step (for "why did it run" explanations). */
  resultIndex(pipeline: string, stepKey: string): string {
    return below(this.root, "results", "index", pipeline, `${stepKey}.json`);
  }
  /** A step's working folder while it runs: its copy of the snapshot, and its current directory. */
  work(runId: string, stepKey: string): string {
    return below(this.root, "work", runId, "steps", stepKey);
  }
  /**
   * Where a running step's outputs are staged (one folder per output), beside its working folder
   * rather than in it: committing renames this folder into the result, so the working folder needs
   * no folder of its own for the snapshot (each folder made and removed is a step's cost).
   */
  staging(runId: string, stepKey: string): string {
    return below(this.root, "work", runId, "outputs", stepKey);
  }
  /** Scratch space of a whole run. */
  runWork(runId: string): string {
    return below(this.root, "work", runId);
  }
  /** A run's folder: `run.json` and `logs/`. */
  run(runId: string): string {
    return below(this.root, "runs", runId);
  }
  /** A step's log file in a run's folder. */
  log(runId: string, stepKey: string): string {
    return below(this.root, "runs", runId, "logs", `${stepKey}.log`);
  }
  /** Registered computes (what `amlpipe run` saw). */
  get computes(): string {
    return below(this.root, "computes");
  }
}
