import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "@amlpipe/compiler";

/**
 * Diagnostics with their files relative to the repository root (`GITHUB_WORKSPACE`), where GitHub
 * looks for an annotation's file: a path relative to the folder amlpipe ran in (`working-directory:`
 * of a step, a package of a monorepo) would annotate nothing. Files outside the workspace, and every
 * file when the variable is not set, are left as they are.
 */
export function workspaceRelative(
  diagnostics: readonly Diagnostic[],
  cwd: string,
  workspace: string | undefined,
): readonly Diagnostic[] {
  if (!workspace) return diagnostics;
  return diagnostics.map((d) => {
    if (!d.at) return d;
    const path = relative(resolve(workspace), resolve(cwd, d.at.file));
    if (path === "" || path.startsWith("..") || isAbsolute(path)) return d;
    return { ...d, at: { ...d.at, file: path.split(sep).join("/") } };
  });
}
