import { isPipeline, isScriptRun, type Pipeline, type ScriptRun } from "@amlpipe/dsl";

/** A pipeline or training-run value found among a module's exports. */
export interface ExportedPipeline {
  readonly exportName: string;
  readonly pipeline: Pipeline | ScriptRun;
}

/**
 * The pipelines and training runs a module exports, in a stable order (`default` first, then by
 * name). The same value exported under two names is compiled once.
 */
export function findExportedPipelines(namespace: Record<string, unknown>): ExportedPipeline[] {
  const names = Object.keys(namespace).sort((a, b) =>
    a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b),
  );
  const seen = new Set<unknown>();
  const found: ExportedPipeline[] = [];
  for (const exportName of names) {
    const value = namespace[exportName];
    if ((isPipeline(value) || isScriptRun(value)) && !seen.has(value)) {
      seen.add(value);
      found.push({ exportName, pipeline: value });
    }
  }
  return found;
}
