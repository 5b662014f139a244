import { mkdirSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";

/** How long a second run waits for the state folder before it gives up. */
const WAIT = { retries: 600, factor: 1, minTimeout: 500, maxTimeout: 500 };

/**
 * Takes the state folder's lock (`<state>/.lock`, from proper-lockfile: an atomic mkdir refreshed
 * while held, taken over when its holder died more than 30 s ago), so that two `amlpipe run`s on one
 * state folder never race on a commit. A second run waits for the first (up to 5 minutes) and says
 * so through `onWait`. Returns the release function.
 */
export async function lockStateFolder(stateDir: string, onWait: () => void): Promise<() => Promise<void>> {
  mkdirSync(stateDir, { recursive: true });
  const options = { lockfilePath: join(stateDir, ".lock"), stale: 30_000, realpath: false };
  try {
    return await lockfile.lock(stateDir, options);
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
  }
  onWait();
  return lockfile.lock(stateDir, { ...options, retries: WAIT });
}
