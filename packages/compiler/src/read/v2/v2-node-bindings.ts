import { AFTER_OUTPUT } from "../../compiled-directory/after-markers.js";
import type { InputBindingIR, OutputBindingIR, StepParameterIR } from "../../ir/step.js";
import type { YamlCursor } from "../yaml-cursor.js";
import { DATASTORE_URI, inputBindMode, readDataValue } from "./v2-data.js";
import { parseBinding } from "./v2-expressions.js";
import type { V2ReadContext } from "./v2-read-context.js";

/** A job's inputs as the IR sees them: data bindings, step parameters, and `.after()` markers. */
export interface V2NodeInputs {
  readonly inputs: InputBindingIR[];
  readonly parameters: StepParameterIR[];
  /** Jobs this one runs after without data (amlpipe's marker inputs). */
  readonly after: string[];
}

/** One `inputs:` entry whose value is a binding expression (possibly with a mode). */
function boundInput(
  name: string,
  value: YamlCursor,
  text: string,
  mode: YamlCursor,
  into: V2NodeInputs & { readonly spark: boolean },
  context: V2ReadContext,
): void {
  const source = value.at;
  const binding = parseBinding(text);
  if (binding?.kind === "job_output") {
    if (name === `${AFTER_OUTPUT}_${binding.job}` && binding.output === AFTER_OUTPUT) {
      into.after.push(binding.job);
      return;
    }
    const bindMode = inputBindMode(mode);
    into.inputs.push({
      name,
      from: context.destination(binding.job, binding.output),
      source,
      ...(bindMode ? { bindMode } : {}),
    });
    return;
  }
  if (binding?.kind === "parent_input") {
    const role = context.pipelineInputs.get(binding.name);
    if (role === "parameter") {
      into.parameters.push({ name, value: { kind: "pipeline_parameter", parameter: binding.name }, source });
      return;
    }
    if (role === undefined) {
      value.typeError(
        `input "${name}" binds to pipeline input "${binding.name}", which the pipeline's inputs: does not have`,
      );
      return;
    }
    const given = mode.missing ? context.pipelineInputModes.get(binding.name) : mode;
    const bindMode = given ? inputBindMode(given, into.spark) : undefined;
    into.inputs.push({ name, from: binding.name, source, ...(bindMode ? { bindMode } : {}) });
    return;
  }
  if (binding?.kind === "parent_output") {
    value.typeError(
      `input "${name}" reads the pipeline output "${binding.name}"; bind it to the job that writes it`,
    );
    return;
  }
  // Any other text is a value the job reads as a parameter.
  into.parameters.push({ name, value: { kind: "literal", value: text }, source });
}

/**
 * A job's `inputs:`: `${{parent.inputs.x}}` is a step parameter when `x` is a value and a data input
 * when it is data; `${{parent.jobs.j.outputs.o}}` reads that job's output; `{path, mode}` the same
 * with a mode; an inline data object becomes a data reference of the pipeline; a literal a parameter.
 */
export function readNodeInputs(node: YamlCursor, context: V2ReadContext): V2NodeInputs {
  const spark = node.get("type").string("type") === "spark";
  const into = { inputs: [], parameters: [], after: [], spark } as V2NodeInputs & { readonly spark: boolean };
  for (const { key: name, value } of node.get("inputs").entries("inputs")) {
    if (value.node && "value" in value.node) {
      const literal = value.literal(`input ${name}`);
      if (typeof literal === "string") boundInput(name, value, literal, value.get("mode"), into, context);
      else if (literal !== undefined)
        into.parameters.push({ name, value: { kind: "literal", value: literal }, source: value.at });
      continue;
    }
    const path = value.get("path").string("path");
    if (path !== undefined && parseBinding(path)) {
      boundInput(name, value, path, value.get("mode"), into, context);
      continue;
    }
    const reference = readDataValue(name, value, context.files);
    if (!reference) continue;
    const from = context.addReference(reference);
    const bindMode = inputBindMode(value.get("mode"), spark);
    into.inputs.push({ name, from, source: value.at, ...(bindMode ? { bindMode } : {}) });
  }
  return { inputs: into.inputs, parameters: into.parameters, after: into.after };
}

const OUTPUT_KEYS = new Set(["type", "mode", "path"]);

/** An output's `type:` and `mode:` (its own, or its pipeline output's) into the IR's binding fields. */
function outputSettings(value: YamlCursor, context: V2ReadContext): Pick<OutputBindingIR, "bindMode"> {
  context.reportUnread(value, OUTPUT_KEYS, "output");
  const type = value.get("type");
  if (!type.missing && type.string("type") !== "uri_folder")
    type.file.report(
      "AP112",
      "warning",
      `output type "${type.string("type")}" is not carried: written as uri_folder`,
      type.at,
    );
  const mode = value.get("mode").string("mode");
  return mode === "upload" ? { bindMode: "upload" } : {};
}

/**
 * A job's `outputs:`: `${{parent.outputs.x}}` writes intermediate data `x` (with the pipeline output's
 * mode); `{type, mode, path}` writes the job's own, on the datastore its `path` names. An output's
 * own path is not carried (amlpipe writes below `amlpipe/<pipeline>/<job>/<output>/`): AP112.
 */
export function readNodeOutputs(
  node: YamlCursor,
  job: string,
  pipeline: string,
  context: V2ReadContext,
): OutputBindingIR[] {
  const outputs: OutputBindingIR[] = [];
  for (const { key: name, value } of node.get("outputs").entries("outputs")) {
    if (name === AFTER_OUTPUT) continue;
    const source = value.at;
    if (value.node && "value" in value.node) {
      const binding = parseBinding(value.string(`output ${name}`) ?? "");
      if (binding?.kind !== "parent_output") {
        value.typeError(`output "${name}" must be \${{parent.outputs.NAME}} or an output object`);
        continue;
      }
      const declared = context.pipelineOutputs.get(binding.name);
      if (!declared)
        value.typeError(
          `output "${name}" binds to pipeline output "${binding.name}", which the pipeline's outputs: does not have`,
        );
      outputs.push({
        name,
        destination: binding.name,
        source,
        ...(declared ? outputSettings(declared, context) : {}),
      });
      continue;
    }
    const path = value.get("path").string("path");
    const store = path === undefined ? undefined : DATASTORE_URI.exec(path);
    if (path !== undefined && (store?.[2] ?? "").replace(/\/$/, "") !== `amlpipe/${pipeline}/${job}/${name}`)
      value.file.report(
        "AP112",
        "warning",
        `the output's own path "${path}" is not carried: amlpipe writes it below amlpipe/${pipeline}/${job}/${name}/${store ? ` on ${store[1]}` : ""}`,
        value.get("path").at,
      );
    outputs.push({
      name,
      destination: context.destination(job, name),
      source,
      ...(store?.[1] ? { datastore: store[1] } : {}),
      ...outputSettings(value, context),
    });
  }
  return outputs;
}
