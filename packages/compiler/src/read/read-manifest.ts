import type { SourcePosition } from "../ir/source-position.js";
import { outsideProjectProblem } from "../names/project-paths.js";

/** What the reader takes from manifest.json: the user's source positions and the schedule names. */
export interface ManifestPositions {
  readonly source?: SourcePosition;
  readonly steps: Readonly<Record<string, SourcePosition>>;
  readonly schedules: readonly string[];
  /** A training run's experiment and source directory (relative to the manifest's folder). */
  readonly trainingRun?: { readonly experiment: string; readonly sourceDirectory: string };
}

/** Pipeline source files a manifest position may name (never, say, `/etc/passwd` or `../.env`). */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|ya?ml)$/;

/**
 * A manifest position, kept only when it names a pipeline source file inside the project with whole
 * positive line and column numbers: a manifest is input like any other, and a position is later used
 * to read and show that file's lines in a code frame.
 */
function position(value: unknown): SourcePosition | undefined {
  const v = value as { file?: unknown; line?: unknown; col?: unknown } | null;
  if (!v || typeof v.file !== "string" || !SOURCE_FILE.test(v.file)) return undefined;
  if (outsideProjectProblem(v.file) !== undefined) return undefined;
  const whole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1;
  return whole(v.line) && whole(v.col) ? { file: v.file, line: v.line, col: v.col } : undefined;
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
  // No prototype: a step key such as "__proto__" must stay a plain key.
  const steps: Record<string, SourcePosition> = Object.create(null);
  const stepMap = typeof json.steps === "object" && json.steps !== null ? json.steps : {};
  for (const [key, value] of Object.entries(stepMap as Record<string, unknown>)) {
    const p = position(value);
    if (p) steps[key] = p;
  }
  const source = position(json.source);
  const schedules = Array.isArray(json.schedules)
    ? json.schedules.filter((s): s is string => typeof s === "string")
    : [];
  const run = json.trainingRun as { experiment?: unknown; sourceDirectory?: unknown } | undefined;
  const trainingRun =
    run && typeof run.experiment === "string" && typeof run.sourceDirectory === "string"
      ? { experiment: run.experiment, sourceDirectory: run.sourceDirectory }
      : undefined;
  return { ...(source ? { source } : {}), steps, schedules, ...(trainingRun ? { trainingRun } : {}) };
}
