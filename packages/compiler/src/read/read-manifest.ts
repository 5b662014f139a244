import type { SourcePosition } from "../ir/source-position.js";

/** What the reader takes from manifest.json: the user's source positions and the schedule names. */
export interface ManifestPositions {
  readonly source?: SourcePosition;
  readonly steps: Readonly<Record<string, SourcePosition>>;
  readonly schedules: readonly string[];
}

function position(value: unknown): SourcePosition | undefined {
  const v = value as { file?: unknown; line?: unknown; col?: unknown } | null;
  return v && typeof v.file === "string" && typeof v.line === "number" && typeof v.col === "number"
    ? { file: v.file, line: v.line, col: v.col }
    : undefined;
}

/**
 * Reads a compiled directory's manifest.json, leniently: a missing or damaged manifest only means
 * positions stay those of the YAML.
 */
export function readManifestPositions(text: string | undefined): ManifestPositions | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const json = parsed as Record<string, unknown>;
  const steps: Record<string, SourcePosition> = {};
  const stepMap = typeof json.steps === "object" && json.steps !== null ? json.steps : {};
  for (const [key, value] of Object.entries(stepMap as Record<string, unknown>)) {
    const p = position(value);
    if (p) steps[key] = p;
  }
  const source = position(json.source);
  const schedules = Array.isArray(json.schedules)
    ? json.schedules.filter((s): s is string => typeof s === "string")
    : [];
  return { ...(source ? { source } : {}), steps, schedules };
}
