import { execFileSync } from "node:child_process";

/** Git facts recorded on a submitted job: repository, branch, commit and whether the tree was dirty. */
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
  return {
    "azureml.git.repository_uri": git("config", "--get", "remote.origin.url") ?? "",
    "azureml.git.branch": git("rev-parse", "--abbrev-ref", "HEAD") ?? "",
    "azureml.git.commit": commit,
    "azureml.git.dirty": String((git("status", "--porcelain") ?? "") !== ""),
  };
}
