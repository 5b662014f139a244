import { posix } from "node:path";
import {
  isAbsoluteAnywhere,
  type PipelineIR,
  type StepIR,
  stepBindings,
  type TsExpression,
  tsCall,
  tsChain,
  tsIdentifier,
  tsLiteral,
  tsLiterals,
  tsMember,
  tsObject,
  withKind,
} from "@amlpipe/compiler";
import { datastoreConst } from "./declare-resources.js";
import type { GenerationState } from "./generation-state.js";
import { orderSteps } from "./order-steps.js";
import { argumentsExpression } from "./step-expressions.js";

type Call = readonly [string, ...TsExpression[]];

/** An options argument, left out when empty. */
function options(entries: Record<string, TsExpression | undefined>): TsExpression[] {
  const object = tsObject(entries);
  return object.kind === "object" && object.entries.length === 0 ? [] : [object];
}

/** The expression that reads `from`: a producer's output, a data reference or a parameter const. */
function sourceExpression(state: GenerationState, from: string): TsExpression | undefined {
  const produced = state.producers.get(from);
  if (produced) return tsMember(tsMember(tsIdentifier(produced.step), "outputs"), produced.output);
  const constant = state.references.get(from) ?? state.params.get(from);
  return constant === undefined ? undefined : tsIdentifier(constant);
}

/** `.input()` and `.sideInput()` calls; a binding whose source nothing produces is reported and dropped. */
function inputCalls(step: StepIR, state: GenerationState, dropped: Set<string>): Call[] {
  const bindings = stepBindings(step);
  const calls: Call[] = [];
  const sides = new Set(bindings.sideInputs);
  for (const binding of [...step.inputs, ...bindings.sideInputs]) {
    const side = sides.has(binding);
    const source = sourceExpression(state, binding.from);
    if (!source) {
      dropped.add(binding.name);
      state.report.push({
        construct: `step "${step.key}" ${side ? "side input" : "input"} "${binding.name}"`,
        status: "unsupported",
        why: `its source "${binding.from}" is produced by nothing (AP201); dropped`,
        at: binding.source,
      });
      continue;
    }
    calls.push(
      side
        ? ["sideInput", tsLiteral(binding.name), source]
        : [
            "input",
            tsLiteral(binding.name),
            source,
            ...options(tsLiterals({ bindMode: binding.bindMode, pathOnCompute: binding.pathOnCompute })),
          ],
    );
  }
  return calls;
}

/** `.output()` and `.param()` calls; a parameter taking an undeclared pipeline parameter is dropped. */
function outputAndParamCalls(step: StepIR, state: GenerationState): Call[] {
  const calls: Call[] = step.outputs.map(
    (output): Call => [
      "output",
      tsLiteral(output.name),
      ...options({
        ...tsLiterals({
          destination: output.destination === `${step.key}_${output.name}` ? undefined : output.destination,
        }),
        datastore: output.datastore ? tsIdentifier(datastoreConst(state, output.datastore)) : undefined,
        ...tsLiterals({ bindMode: output.bindMode, pathOnCompute: output.pathOnCompute }),
      }),
    ],
  );
  for (const p of step.parameters) {
    const parameter = p.value.kind === "pipeline_parameter" ? state.params.get(p.value.parameter) : undefined;
    const value =
      p.value.kind === "literal" ? tsLiteral(p.value.value) : parameter && tsIdentifier(parameter);
    if (value) calls.push(["param", tsLiteral(p.name), value]);
    else
      state.report.push({
        construct: `step "${step.key}" parameter "${p.name}"`,
        status: "unsupported",
        why: "it takes an undeclared pipeline parameter (AP205); dropped",
        at: p.source,
      });
  }
  return calls;
}

/** The const of step `key`, or its key as text when the pipeline has no such step (AP206). */
function stepReference(state: GenerationState, key: string): TsExpression {
  const id = state.steps.get(key);
  return id === undefined ? tsLiteral(key) : tsIdentifier(id);
}

/** One step's builder chain, and whether it came across cleanly. */
function stepChain(
  step: StepIR,
  state: GenerationState,
  tsFileDir: string,
): { chain: TsExpression; clean: boolean } {
  const directory =
    step.sourceDirectory === undefined ? undefined : importedDirectory(tsFileDir, step.sourceDirectory);
  const call = withKind(step, (kind, own) =>
    kind.importCall(own, {
      ...(directory !== undefined ? { sourceDirectory: directory } : {}),
      sourceOf: (from) => sourceExpression(state, from),
      datastore: (name) => tsIdentifier(datastoreConst(state, name)),
    }),
  );
  state.use(call.factory);
  const calls: Call[] = [];
  if (step.name !== step.key) calls.push(["displayName", tsLiteral(step.name)]);
  const compute = step.compute && state.computes.get(step.compute);
  if (compute) calls.push(["on", tsIdentifier(compute)]);
  const environment = step.environment && state.environments.get(step.environment);
  if (environment) calls.push(["environment", tsIdentifier(environment)]);
  const dropped = new Set<string>();
  let clean = true;
  if (call.chainsBindings) calls.push(...inputCalls(step, state, dropped));
  if (dropped.size > 0) clean = false;
  if (call.chainsBindings) calls.push(...outputAndParamCalls(step, state));
  if (step.arguments.length > 0)
    calls.push(["args", argumentsExpression(step, dropped, (ok) => (clean &&= ok))]);
  if (step.after.length > 0) calls.push(["after", ...step.after.map((k) => stepReference(state, k))]);
  if (!step.allowReuse) calls.push(["allowReuse", tsLiteral(false)]);
  const base = tsCall(tsIdentifier(call.factory), tsLiteral(step.key), tsObject(call.options));
  return { chain: tsChain(base, calls), clean };
}

/**
 * A step's source folder as the TypeScript file writes it: relative to that file, or, for an absolute
 * path from another machine (`D:\\scripts`), as written: joining it to a folder here means nothing.
 */
export function importedDirectory(tsFileDir: string, directory: string): string {
  return isAbsoluteAnywhere(directory) ? directory : posix.relative(tsFileDir, directory) || ".";
}

/** One const per step, producers before consumers, with the fidelity of each. */
export function declareSteps(
  ir: PipelineIR,
  state: GenerationState,
  tsFileDir: string,
  comments?: ReadonlyMap<string, string>,
): void {
  for (const step of orderSteps(ir.steps)) {
    const { chain, clean } = stepChain(step, state, tsFileDir);
    if (step.sourceDirectory !== undefined && isAbsoluteAnywhere(step.sourceDirectory))
      state.report.push({
        construct: `step "${step.key}" source_directory "${step.sourceDirectory}"`,
        status: "review",
        why: "an absolute path from another machine, kept as written: put the step's files in the project and make it relative before run or submit",
        at: step.source,
      });
    for (const key of step.unknownKeys ?? [])
      state.report.push({
        construct: `step "${step.key}" key "${key.key}"`,
        status: "unsupported",
        why: "unknown to Azure ML (it drops it); not carried over",
        at: key.source,
      });
    const id = state.add(step.key, chain, comments?.get(step.key));
    state.steps.set(step.key, id);
    for (const output of stepBindings(step).outputs)
      state.producers.set(output.destination, { step: id, output: output.name });
    state.report.push({
      construct: `step "${step.key}" (${step.type})`,
      status: clean ? "clean" : "review",
      ...(clean ? {} : { why: "see the entries above" }),
    });
  }
}
