import type { ComputeIR } from "../ir/compute.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { InputBindingIR, OutputBindingIR, StepIR } from "../ir/step.js";

/** Every input binding of a step, whatever its type keeps them in. */
export function stepInputs(step: StepIR): InputBindingIR[] {
  return [
    ...step.inputs,
    ...(step.type === "ParallelRunStep" ? step.sideInputs : []),
    ...(step.type === "DataTransferStep" ? [step.sourceDataReference] : []),
  ];
}

/** Every output binding of a step. */
export function stepOutputs(step: StepIR): OutputBindingIR[] {
  return step.type === "DataTransferStep"
    ? [...step.outputs, step.destinationDataReference]
    : [...step.outputs];
}

/** Intermediate data name -> the steps that write it. */
export function producersOf(ir: PipelineIR): Map<string, StepIR[]> {
  const producers = new Map<string, StepIR[]>();
  for (const step of ir.steps) {
    for (const output of stepOutputs(step))
      producers.set(output.destination, [...(producers.get(output.destination) ?? []), step]);
  }
  return producers;
}

/** The compute a step runs on (its own, else the pipeline default), if the pipeline defines it. */
export function computeOf(ir: PipelineIR, step: StepIR): ComputeIR | undefined {
  const name = step.compute ?? ir.defaultCompute;
  return name === undefined ? undefined : ir.computes.find((c) => c.name === name);
}
