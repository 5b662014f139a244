import { posix } from "node:path";
import type { StepBaseIR, StepIR } from "../../ir/step.js";
import { STEP_KINDS, STEP_TYPES } from "../../kinds/steps/index.js";
import type { StepKind, V2NodeRead } from "../../kinds/steps/step-kind.js";
import { canonicalPath } from "../../names/project-paths.js";
import type { YamlCursor } from "../yaml-cursor.js";
import { readV2Environment } from "./v2-environment.js";
import { readNodeInputs, readNodeOutputs } from "./v2-node-bindings.js";
import type { V2ReadContext } from "./v2-read-context.js";

/** Keys every node has, read here for all kinds. */
const COMMON_KEYS = ["type", "display_name", "compute", "inputs", "outputs"];

/** The step kind a v2 node `type:` is read as, from the kinds' own `v2NodeTypes`. */
function kindOf(type: string): StepKind<StepIR["type"]> | undefined {
  for (const stepType of STEP_TYPES) {
    const kind = STEP_KINDS[stepType] as StepKind<StepIR["type"]>;
    if (kind.v2NodeTypes?.includes(type)) return kind;
  }
  return undefined;
}

/**
 * One job of a v2 pipeline job as a step: the parts all nodes share (display name, compute, inputs,
 * parameters, `.after()` markers) here, the rest by the step kind that reads its `type:`. A type no
 * kind reads (`pipeline`, `sweep`, `automl`, a `component:` reference) is AP106 at its line.
 */
export function readV2Node(
  key: string,
  node: YamlCursor,
  pipeline: string,
  context: V2ReadContext,
): StepIR | undefined {
  const typeCursor = node.get("type");
  const type = typeCursor.string("type") ?? "";
  const kind = kindOf(type);
  // A copy's component is inline (its kind reads it); any other job with one runs a component file.
  if (!kind?.readV2 || (node.has("component") && type !== "data_transfer")) {
    node.file.report(
      "AP106",
      "error",
      node.has("component") && type !== "data_transfer"
        ? `job "${key}" runs a component (${node.get("component").string("component") ?? "inline"}), which amlpipe does not read`
        : `job "${key}" is of type "${type}", which amlpipe does not read`,
      typeCursor.at,
      "amlpipe reads command, spark, parallel and data_transfer jobs written inline; keep this job in an az ml file",
    );
    return undefined;
  }
  const { inputs, parameters, after } = readNodeInputs(node, context);
  const compute = node.get("compute").string("compute");
  const base: StepBaseIR = {
    key,
    name: node.get("display_name").string("display_name") ?? key,
    source: node.at,
    ...(compute !== undefined ? { compute: computeName(compute) } : {}),
    arguments: [],
    parameters,
    inputs,
    outputs: [],
    allowReuse: true,
    after,
  };
  const read: V2NodeRead = {
    base,
    node,
    context,
    outputs: () => readNodeOutputs(node, key, pipeline, context),
    code: (cursor) => {
      const code = cursor.string("code");
      if (code === undefined) return undefined;
      const folder = canonicalPath(
        posix.normalize(posix.join(context.files.folder, code.replace(/\\/g, "/"))),
        context.files,
      );
      if (!context.files.host.exists(folder))
        cursor.file.report(
          "AP104",
          context.files.missingFileSeverity,
          `code folder "${code}" is not there (looked for ${folder})`,
          cursor.at,
        );
      return folder;
    },
    environment: (cursor) => {
      const environment = readV2Environment(cursor, { ...context.files, fallbackName: `${key}_env` });
      return environment ? context.addEnvironment(environment) : undefined;
    },
    reportUnread: (own) =>
      context.reportUnread(node, new Set([...COMMON_KEYS, ...own]), `${type} job "${key}"`),
  };
  return kind.readV2(read) as StepIR | undefined;
}

/** `azureml:NAME` or an ARM id as the compute's name (`local` stays `local`). */
export function computeName(text: string): string {
  return text.startsWith("/") ? (text.split("/").pop() ?? text) : text.replace(/^azureml:/, "");
}
