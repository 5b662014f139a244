import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One ARM resource the emulator keeps (compute, datastore or job), as ARM returns it. */
export type ArmResource = {
  id: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
} & Record<string, unknown>;

/** A workspace's resources. */
export interface WorkspaceState {
  computes: Record<string, ArmResource>;
  datastores: Record<string, ArmResource>;
  jobs: Record<string, ArmResource & { polls?: number }>;
}

/** A fault to inject into the next request that matches. */
export interface Fault {
  /** Substring of `METHOD /path` the request must contain. @default any request */
  readonly match?: string;
  /** Fire only on the request with this 1-based number (counting every request the emulator saw). */
  readonly at?: number;
  /**
   * `429` (with Retry-After), `500`, `reset` (drop the connection before handling), `lost-response`
   * (handle the request, then drop the connection instead of answering), `async-fail` (the
   * long-running operation fails).
   */
  readonly kind: "429" | "500" | "reset" | "lost-response" | "async-fail";
  readonly retryAfterSeconds?: number;
}

/** A long-running operation's state. */
export interface Operation {
  status: "InProgress" | "Succeeded" | "Failed";
  polls: number;
  error?: { code: string; message: string };
  onSucceed?: () => void;
}

/** Everything the emulator knows; kept in memory, or in a folder with `--state DIR`. */
export class EmulatorState {
  workspaces: Record<string, WorkspaceState> = {};
  operations: Record<string, Operation> = {};
  /** Snapshot files by sha256 (base64 content). */
  blobs: Record<string, string> = {};
  faults: Fault[] = [];
  /** Every request seen, `METHOD /path`, for tests and `--verbose`. */
  requests: string[] = [];

  constructor(private readonly dir?: string) {
    if (dir) {
      try {
        const saved = JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as Pick<
          EmulatorState,
          "workspaces" | "blobs"
        >;
        this.workspaces = saved.workspaces;
        this.blobs = saved.blobs;
      } catch {
        // A new state folder.
      }
    }
  }

  /** The workspace, created (with a default blob datastore) on first use. */
  workspace(sub: string, rg: string, ws: string): WorkspaceState {
    const key = `${sub}/${rg}/${ws}`.toLowerCase();
    let state = this.workspaces[key];
    if (!state) {
      const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}/datastores/workspaceblobstore`;
      state = {
        computes: {},
        jobs: {},
        datastores: {
          workspaceblobstore: {
            id,
            name: "workspaceblobstore",
            type: "Microsoft.MachineLearningServices/workspaces/datastores",
            properties: {
              datastoreType: "AzureBlob",
              accountName: `${ws.toLowerCase().replace(/[^a-z0-9]/g, "")}store`,
              containerName: "azureml-blobstore",
              isDefault: true,
              credentials: { credentialsType: "AccountKey" },
            },
          },
        },
      };
      this.workspaces[key] = state;
    }
    return state;
  }

  /** Takes the first queued fault matching a request, if any. */
  takeFault(request: string): Fault | undefined {
    const count = this.requests.length;
    const index = this.faults.findIndex(
      (f) => (f.match === undefined || request.includes(f.match)) && (f.at === undefined || f.at === count),
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }

  /** Writes the state folder (when there is one). */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(
      join(this.dir, "state.json"),
      JSON.stringify({ workspaces: this.workspaces, blobs: this.blobs }),
    );
  }
}
