// The SDK v1 loader model (../shared/reference/v1-loader/loader_model.py), run as a child process: the
// oracle this team did not write. Found through AMLPIPE_LOADER_MODEL, else ../shared beside the
// checkout, else /work/shared; it needs Debian's python3-ruamel.yaml.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** What the model says of one pipeline YAML. */
export interface LoaderVerdict {
  readonly loads: boolean;
  /** The exception when it fails. */
  readonly failure?: string;
  /** What it drops, ignores or reads differently (`note:` lines). */
  readonly notes: readonly string[];
}

const root = new URL("..", import.meta.url).pathname;
const PYTHON = "/usr/bin/python3";

/** The model's path, or undefined when it is not on this machine. */
export function loaderModelPath(): string | undefined {
  const candidates = [
    process.env.AMLPIPE_LOADER_MODEL,
    resolve(root, "../shared/reference/v1-loader/loader_model.py"),
    "/work/shared/reference/v1-loader/loader_model.py",
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleMissing(): string | undefined {
  if (!loaderModelPath())
    return "the loader model (../shared/reference/v1-loader/loader_model.py) is not here";
  const probe = spawnSync(PYTHON, ["-c", "import ruamel.yaml"], { encoding: "utf8" });
  return probe.status === 0
    ? undefined
    : "python3-ruamel.yaml is not installed (apt-get install -y python3-ruamel.yaml)";
}

/** Runs the model on `pipeline.yaml` of a compiled folder, from that folder (as the SDK resolves paths). */
export function loadWithModel(compiledDir: string): LoaderVerdict {
  return verdictOf(join(compiledDir, "pipeline.yaml"), compiledDir);
}

/** The model's verdict on one file (a pipeline or a `Schedule:` document), run from `cwd`. */
export function verdictOf(file: string, cwd: string): LoaderVerdict {
  const model = loaderModelPath();
  if (!model) throw new Error("the loader model is not here");
  const run = spawnSync(PYTHON, [model, "--cwd", cwd, file], { encoding: "utf8" });
  const lines = `${run.stdout}${run.stderr}`.split("\n").filter((l) => l.trim() !== "");
  const head = lines[0] ?? "";
  const notes = lines
    .filter((l) => l.trim().startsWith("note:"))
    .map((l) => l.trim().slice("note:".length).trim());
  if (head.includes(": LOADS")) return { loads: true, notes };
  const failure = head.includes(": FAILS:")
    ? head.slice(head.indexOf(": FAILS:") + 8).trim()
    : lines.join("\n");
  return { loads: false, failure, notes };
}

/** The model's verdict on each of many pipeline YAML files, in one run (`--assume-files`: missing side files are valid defaults). */
export function verdictsOfModel(
  files: readonly string[],
  cwd: string,
): Map<string, { loads: boolean; failure?: string }> {
  const model = loaderModelPath();
  if (!model) throw new Error("the loader model is not here");
  const run = spawnSync(PYTHON, [model, "--cwd", cwd, "--assume-files", ...files], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const verdicts = new Map<string, { loads: boolean; failure?: string }>();
  for (const line of run.stdout.split("\n")) {
    const match = /^(\S+): (LOADS|FAILS)(?::\s*(.*))?$/.exec(line);
    if (match?.[1])
      verdicts.set(match[1], { loads: match[2] === "LOADS", ...(match[3] ? { failure: match[3] } : {}) });
  }
  return verdicts;
}

/**
 * Runs the model's `RunConfiguration.load` (its `load_runconfig`) on a training run's `.runconfig`
 * file: what it reads (framework, target, environment kind) and its notes. A failure is the
 * exception's text in `failure`.
 */
export function runconfigWithModel(file: string): {
  readonly read?: { framework: string; target: string; environment_kind: string };
  readonly failure?: string;
  readonly notes: readonly string[];
} {
  const model = loaderModelPath();
  if (!model) throw new Error("the loader model is not here");
  const program = [
    "import json, os, sys",
    "sys.path.insert(0, os.path.dirname(sys.argv[1]))",
    "import loader_model as m",
    "notes = []",
    "try:",
    "    rc = m.load_runconfig(os.path.basename(sys.argv[2]), os.path.dirname(sys.argv[2]), notes, 'run')",
    "    print(json.dumps({'read': {k: rc[k] for k in ('framework', 'target', 'environment_kind')}, 'notes': notes}))",
    "except Exception as e:",
    "    print(json.dumps({'failure': '%s: %s' % (type(e).__name__, e), 'notes': notes}))",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", program, model, resolve(file)], { encoding: "utf8" });
  if (run.status !== 0) return { failure: run.stderr || run.stdout, notes: [] };
  return JSON.parse(run.stdout);
}
