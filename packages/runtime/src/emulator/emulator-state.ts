import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One ARM resource the emulator keeps, as ARM returns it. */
export type ArmResource = {
  id: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
} & Record<string, unknown>;

/** A job as the emulator keeps it (its lifecycle moves on as it is polled). */
export type JobResource = ArmResource;

/** Versioned assets (codes, components, environments): name -> version -> resource. */
export type AssetVersions = Record<string, Record<string, ArmResource>>;

/** The asset kinds with versions that a submit registers. */
export const ASSET_COLLECTIONS = ["codes", "components", "environments"] as const;
/** One of {@link ASSET_COLLECTIONS}. */
export type AssetCollection = (typeof ASSET_COLLECTIONS)[number];

/** A workspace's resources. */
export interface WorkspaceState {
  computes: Record<string, ArmResource>;
  datastores: Record<string, ArmResource>;
  jobs: Record<string, JobResource>;
  codes: AssetVersions;
  components: AssetVersions;
  environments: AssetVersions;
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
   * long-running operation fails), `403` (the caller lacks the permission: AuthorizationFailed).
   */
  readonly kind: "429" | "500" | "reset" | "lost-response" | "async-fail" | "403";
  readonly retryAfterSeconds?: number;
}

/** A long-running operation's state. */
export interface Operation {
  status: "InProgress" | "Succeeded" | "Failed";
  polls: number;
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
  onSucceed?: () => void;
}

/** What a seed file (`amlpipe emulator --seed file.json`) may hold: resources every workspace starts with. */
export interface EmulatorSeed {
  /** Datastores by name: their `properties` as a PUT would send them. */
  readonly datastores?: Readonly<Record<string, Record<string, unknown>>>;
  /**
   * Computes every workspace has already, by name: their `properties` as a PUT would send them
   * (`computeType` at least), provisioned: what `compute.existing(name, kind)` refers to.
   */
  readonly computes?: Readonly<Record<string, Record<string, unknown>>>;
  /** Environments by name: the versions that exist (`["1", "2"]`), e.g. curated ones a pipeline names. */
  readonly environments?: Readonly<Record<string, readonly string[]>>;
  /** The caller's effective permissions on every workspace (`Microsoft.Authorization/permissions`). @default all */
  readonly permissions?: { readonly actions: readonly string[]; readonly notActions?: readonly string[] };
  /** Key Vault secrets by vault and secret name (kept in memory only, never written with --state). */
  readonly keyVaults?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Everything the emulator knows; kept in memory, or in a folder with `--state DIR`. */
export class EmulatorState {
  workspaces: Record<string, WorkspaceState> = {};
  operations: Record<string, Operation> = {};
  faults: Fault[] = [];
  /** Every request seen, `METHOD /path`, for tests and `--verbose`. */
  requests: string[] = [];
  /** Request bodies of PUT and POST, in order (secrets redacted), for tests that check what was sent. */
  bodies: { request: string; body: unknown }[] = [];

  constructor(
    private readonly dir: string | undefined,
    private readonly makeWorkspace: (sub: string, rg: string, ws: string) => WorkspaceState,
  ) {
    if (dir) {
      try {
        const saved = JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as Pick<
          EmulatorState,
          "workspaces"
        >;
        this.workspaces = saved.workspaces;
      } catch {
        // A new state folder.
      }
    }
  }

  /** The workspace, created (with its default datastore and seeds) on first use. */
  workspace(sub: string, rg: string, ws: string): WorkspaceState {
    const key = `${sub}/${rg}/${ws}`.toLowerCase();
    let state = this.workspaces[key];
    if (!state) {
      state = this.makeWorkspace(sub, rg, ws);
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

  /** Writes the state folder (when there is one), atomically: a crash never leaves half a file. */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, "state.json");
    writeFileSync(`${file}.tmp`, JSON.stringify({ workspaces: this.workspaces }));
    renameSync(`${file}.tmp`, file);
  }
}
