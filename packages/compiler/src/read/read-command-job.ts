import { posix } from "node:path";
import { parse as parseShell } from "shell-quote";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import { canonicalPath } from "../names/project-paths.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import { readManifestPositions } from "./read-manifest.js";
import type { ReadOptions } from "./read-pipeline.js";
import { trainingRunIR } from "./training-run-ir.js";
import { readV2Environment } from "./v2/v2-environment.js";
import type { YamlCursor } from "./yaml-cursor.js";

/** The keys of a v2 command job amlpipe reads; others are reported, not dropped silently. */
const JOB_KEYS = new Set([
  "$schema",
  "type",
  "command",
  "code",
  "environment",
  "compute",
  "experiment_name",
  "display_name",
  "description",
]);

/** `python <script> [args...]`: the command a training run's job runs, split as a shell would. */
function scriptCommand(cursor: YamlCursor): { script: string; args: string[] } | undefined {
  const text = cursor.string("command");
  if (text === undefined) return undefined;
  const tokens = parseShell(text);
  const words = tokens.filter((t): t is string => typeof t === "string");
  const [interpreter, script, ...args] = words;
  if (words.length !== tokens.length || !/^python3?$/.test(interpreter ?? "") || !script) {
    cursor.typeError(
      `command "${text}" is not \`python <script> [arguments]\`, the one form a training run has`,
      "a command job that runs something else is not a training run amlpipe can carry over",
    );
    return undefined;
  }
  return { script, args };
}

/**
 * Reads a v2 command job YAML (`az ml job create -f job.yaml`, or `compile --target v2` of a training
 * run) into the IR of a training run: its `python <script>` command, code folder, environment,
 * compute and experiment. Anything it cannot carry is a diagnostic at its line; it never throws.
 */
export function readCommandJob(options: ReadOptions): {
  ir: PipelineIR | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const { path, host } = options;
  const root = parseYamlFile(path, host.readFile(path) ?? "", diagnostics);
  if (!root) return { ir: undefined, diagnostics };
  if (root.get("type").string("type") !== "command") {
    root.typeError(`${path} is not a command job ("type: command")`);
    return { ir: undefined, diagnostics };
  }
  for (const { key, value } of root.entries("the job"))
    if (!JOB_KEYS.has(key))
      value.file.report("AP102", "warning", `job key "${key}" is not read by amlpipe`, value.at);
  const command = scriptCommand(root.get("command"));
  if (!command) return { ir: undefined, diagnostics };
  const folder = posix.dirname(path);
  const manifest = readManifestPositions(host.readFile(posix.join(folder, "manifest.json")));
  const code = root.get("code").string("code") ?? ".";
  const environment = readV2Environment(root.get("environment"), {
    folder,
    host,
    fallbackName: `${posix.basename(path).replace(/\.ya?ml$/, "")}_env`,
  });
  // In a compiled directory the job is `job.yaml` and the run is named after the folder.
  const name =
    manifest && posix.basename(path) === "job.yaml"
      ? posix.basename(folder)
      : posix.basename(path).replace(/\.ya?ml$/, "");
  const experiment = root.get("experiment_name").string("experiment_name");
  if (experiment === undefined)
    diagnostics.push(
      diagnostic("AP102", `the job names no experiment_name: imported under "${name}"`, {
        at: root.at,
        severity: "warning",
        hint: "add `experiment_name:` to file the run where you expect it",
      }),
    );
  const compute = root
    .get("compute")
    .string("compute")
    ?.replace(/^azureml:/, "");
  const ir = trainingRunIR(
    {
      name,
      script: command.script,
      arguments: command.args,
      // A job without `compute:` runs on the workspace's default, which amlpipe cannot know.
      ...(compute !== undefined ? { compute } : {}),
      sourceDirectory: canonicalPath(posix.normalize(posix.join(folder, code)), options),
      ...(environment ? { environment } : {}),
      experiment: experiment ?? name,
      at: root.at,
      scriptAt: root.get("command").at,
    },
    { ...options, folder, manifest, diagnostics },
  );
  return { ir: { ...ir, readFrom: "v2" }, diagnostics };
}
