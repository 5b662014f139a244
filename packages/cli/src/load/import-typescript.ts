import { pathToFileURL } from "node:url";

let registered = false;
const imports = new Map<string, number>();

/**
 * Registers tsx's loader hooks once per thread (esbuild transforms with source maps, so stack
 * traces and DSL source positions point at the `.ts` lines). Loaded on first use: commands that
 * read no TypeScript do not pay for the loader at start-up.
 */
export async function ensureTypeScriptLoader(): Promise<void> {
  if (registered) return;
  const { register } = await import("tsx/esm/api");
  register();
  process.setSourceMapsEnabled(true);
  registered = true;
}

/**
 * Imports a user's TypeScript (or JavaScript) module directly, with no build step, through tsx. The
 * loader is shared by every import of the thread, so all modules see one instance of `@amlpipe/dsl`.
 */
export async function importTypeScriptModule(absoluteFile: string): Promise<Record<string, unknown>> {
  await ensureTypeScriptLoader();
  // A file imported again (e.g. after `--fix` edited it) gets a fresh module, not the cached one.
  const count = (imports.get(absoluteFile) ?? 0) + 1;
  imports.set(absoluteFile, count);
  const url = pathToFileURL(absoluteFile).href + (count > 1 ? `?amlpipe-reload=${count}` : "");
  return (await import(url)) as Record<string, unknown>;
}
