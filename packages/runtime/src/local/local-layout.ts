import { join, resolve } from "node:path";

/**
 * Where the local backend keeps its state (`.amlpipe/` by default): datastores as folders, the
 * content-addressed snapshot store, step results by cache key, and run records.
 */
export class LocalLayout {
  readonly root: string;

  constructor(stateDir: string) {
    this.root = resolve(stateDir);
  }

  /** Folder of a datastore. */
  datastore(name: string): string {
    return join(this.root, "datastores", name);
  }
  /** The content-addressed store of snapshot files. */
  get objects(): string {
    return join(this.root, "snapshots", "objects");
  }
  /** Results of one step execution, by its cache key (outputs, and a `done.json` when complete). */
  result(cacheKey: string): string {
    return join(this.root, "results", cacheKey);
  }
  /** Scratch space for a step while it runs. */
  work(runId: string, stepKey: string): string {
    return join(this.root, "work", runId, stepKey);
  }
  /** A run's folder: `run.json` and `logs/`. */
  run(runId: string): string {
    return join(this.root, "runs", runId);
  }
  /** Registered computes (what `amlpipe run` saw). */
  get computes(): string {
    return join(this.root, "computes");
  }
}
