import { withKind } from "../kinds/steps/index.js";
import type { StepBindings } from "../kinds/steps/step-kind.js";
import type { ComputeIR } from "./compute.js";
import type { PipelineIR } from "./pipeline.js";
import type { InputBindingIR, OutputBindingIR, StepIR } from "./step.js";

// The IR is immutable, so facts derived from a step or a pipeline are kept per object: the rules
// ask for the same bindings and producers again and again (a 10,000-step pipeline, 30 rules).
const bindingsOf = new WeakMap<StepIR, StepBindings>();
const producersByPipeline = new WeakMap<PipelineIR, ReadonlyMap<string, readonly StepIR[]>>();

/** Every binding of a step by role, as its kind defines them. */
export function stepBindings(step: StepIR): StepBindings {
  let bindings = bindingsOf.get(step);
  if (bindings === undefined) {
    bindings = withKind(step, (kind, s) => kind.bindings(s));
    bindingsOf.set(step, bindings);
  }
  return bindings;
}

/** Every input binding of a step (inputs, side inputs, a copy's source). */
export function stepInputs(step: StepIR): readonly InputBindingIR[] {
  return stepBindings(step).inputs;
}

/** Every output binding of a step (outputs, a copy's destination). */
export function stepOutputs(step: StepIR): readonly OutputBindingIR[] {
  return stepBindings(step).outputs;
}

/** Intermediate data name -> the steps that write it (computed once per pipeline). */
export function producersOf(ir: PipelineIR): ReadonlyMap<string, readonly StepIR[]> {
  let cached = producersByPipeline.get(ir);
  if (cached === undefined) {
    const producers = new Map<string, StepIR[]>();
    for (const step of ir.steps) {
      for (const output of stepOutputs(step)) {
        const writers = producers.get(output.destination);
        if (writers) writers.push(step);
        else producers.set(output.destination, [step]);
      }
    }
    cached = producers;
    producersByPipeline.set(ir, cached);
  }
  return cached;
}

/** Intermediate data name -> the first step and output binding that write it. */
export function outputProducers(ir: PipelineIR): Map<string, { step: string; output: string }> {
  const producers = new Map<string, { step: string; output: string }>();
  for (const step of ir.steps) {
    for (const output of stepOutputs(step))
      if (!producers.has(output.destination))
        producers.set(output.destination, { step: step.key, output: output.name });
  }
  return producers;
}

/** The compute a step runs on (its own, else the pipeline default), if the pipeline defines it. */
export function computeOf(ir: PipelineIR, step: StepIR): ComputeIR | undefined {
  const name = step.compute ?? ir.defaultCompute;
  return name === undefined ? undefined : ir.computes.find((c) => c.name === name);
}
