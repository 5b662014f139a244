import { execFileSync } from "node:child_process";

/** A remote URL without the credentials it may carry (`https://user:token@host/...` -> `https://host/...`). */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    // scp-like `git@host:org/repo.git` carries no secret; anything else unparsable is left out.
    return /^[\w.-]+@[\w.-]+:[\w./-]+$/.test(url) ? url : "";
  }
}

/**
 * Git facts recorded on a submitted job, as the official SDK records them (job properties
 * `mlflow.source.git.*` and `azureml.git.dirty`), the remote URL without credentials.
 */
export function gitFacts(cwd: string): Record<string, string> {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  const commit = git("rev-parse", "HEAD");
  if (!commit) return {};
  const remote = withoutCredentials(git("config", "--get", "remote.origin.url") ?? "");
  return {
    ...(remote ? { "mlflow.source.git.repoURL": remote } : {}),
    "mlflow.source.git.branch": git("rev-parse", "--abbrev-ref", "HEAD") ?? "",
    "mlflow.source.git.commit": commit,
    "azureml.git.dirty": String((git("status", "--porcelain") ?? "") !== ""),
  };
}
