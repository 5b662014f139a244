import { isAbsolute, resolve } from "node:path";
import {
  type Diagnostic,
  diagnostic,
  outputProducers,
  type PipelineIR,
  type ProjectPathOptions,
  type StepIR,
  stepBindings,
  stepInputs,
} from "@amlpipe/compiler";
import type { LocalLayout } from "./local-layout.js";
import { cannotRunLocally } from "./local-step-kinds.js";

/** Options that shape a local run's plan. */
export interface PlanOptions extends ProjectPathOptions {
  readonly layout: LocalLayout;
  /** Root that IR paths (source directories) are relative to. */
  readonly root: string;
  /** Data reference or datapath parameter name -> a local file or folder to use instead. */
  readonly data?: Readonly<Record<string, string>>;
  /** Step key -> a folder supplying its outputs (for steps that cannot run here). */
  readonly stubs?: Readonly<Record<string, string>>;
  /** Pipeline parameter overrides (`--param k=v`). */
  readonly params?: Readonly<Record<string, string>>;
}

/** A step ready to run: its producers and where each of its named data comes from. */
export interface PlannedStep {
  readonly step: StepIR;
  /** Keys of the steps that must finish first (data producers and `.after()`). */
  readonly needs: readonly string[];
  /** Input binding name -> what it reads: an external path, or a producer's output. */
  readonly inputs: ReadonlyMap<
    string,
    { kind: "path"; path: string } | { kind: "output"; step: string; output: string }
  >;
  /** Parameter values, by step parameter name. */
  readonly parameters: ReadonlyMap<string, string>;
  /** Folder supplying the outputs, when the step is stubbed. */
  readonly stub?: string;
  /** Data references the step writes in place (a DataTransferStep's destination): binding name -> path. */
  readonly writes: ReadonlyMap<string, string>;
}

/**
 * Plans a local run: checks every step can run here (or is stubbed) and every input resolves, before
 * anything starts; orders nothing (the executor runs steps as their needs finish).
 */
export function planLocalRun(
  ir: PipelineIR,
  options: PlanOptions,
): { steps: PlannedStep[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const producers = outputProducers(ir);
  const parameterValues = new Map<string, string>();
  for (const p of ir.parameters) {
    const value = options.params?.[p.name] ?? (typeof p.default === "object" ? undefined : p.default);
    if (value !== undefined) parameterValues.set(p.name, String(value));
  }
  const resolveData = (
    name: string,
    at: StepIR,
  ): { kind: "path"; path: string } | { kind: "output"; step: string; output: string } | undefined => {
    const override = options.data?.[name];
    if (override !== undefined)
      return { kind: "path", path: isAbsolute(override) ? override : resolve(options.root, override) };
    const produced = producers.get(name);
    if (produced) return { kind: "output", ...produced };
    const reference = ir.dataReferences.find((r) => r.name === name);
    if (reference?.kind === "datastore_path") {
      return {
        kind: "path",
        path: options.layout.onDatastore(reference.datastore, reference.pathOnDatastore),
      };
    }
    // Local data is read where it is in the project (az ml would upload it).
    if (reference?.kind === "local_path")
      return { kind: "path", path: resolve(options.root, reference.path) };
    const parameter = ir.parameters.find((p) => p.name === name && p.type === "datapath");
    if (parameter && typeof parameter.default === "object") {
      return {
        kind: "path",
        path: options.layout.onDatastore(parameter.default.datastore, parameter.default.pathOnDatastore),
      };
    }
    diagnostics.push(
      diagnostic(
        "AP805",
        `step "${at.key}" reads "${name}", which ${reference ? `is a ${reference.kind === "dataset" ? "registered dataset" : "SQL source"} that` : "nothing here"} cannot be resolved on this machine`,
        { at: at.source, hint: `supply it with --data ${name}=<file or folder>` },
      ),
    );
    return undefined;
  };

  const steps: PlannedStep[] = [];
  for (const step of ir.steps) {
    const stub = options.stubs?.[step.key];
    const why = cannotRunLocally(step);
    if (why && stub === undefined) {
      diagnostics.push(
        diagnostic("AP805", `step "${step.key}" (${step.type}) cannot run on the local backend: ${why}`, {
          at: step.source,
          hint: `supply its outputs with --stub ${step.key}=<folder>, or submit the pipeline to Azure ML`,
        }),
      );
    }
    const bindings = stepInputs(step);
    const inputs = new Map<
      string,
      { kind: "path"; path: string } | { kind: "output"; step: string; output: string }
    >();
    for (const binding of bindings) {
      const resolved = stub === undefined ? resolveData(binding.from, step) : undefined;
      if (resolved) inputs.set(binding.name, resolved);
    }
    const writes = new Map<string, string>();
    for (const binding of stepBindings(step).writes) {
      const target = resolveData(binding.from, step);
      if (target?.kind === "path") writes.set(binding.name, target.path);
    }
    const parameters = new Map<string, string>();
    for (const p of step.parameters) {
      const value =
        p.value.kind === "literal" ? String(p.value.value) : parameterValues.get(p.value.parameter);
      if (value !== undefined) parameters.set(p.name, value);
    }
    const needs = new Set<string>(step.after);
    for (const source of inputs.values()) if (source.kind === "output") needs.add(source.step);
    // A stubbed step resolves no inputs (its outputs are given), but it still starts when the steps it
    // reads from have ended, as it would in Azure: a stub does not jump the queue.
    if (stub !== undefined)
      for (const binding of bindings) {
        const producer = producers.get(binding.from);
        if (producer) needs.add(producer.step);
      }
    steps.push({
      step,
      needs: [...needs],
      inputs,
      parameters,
      writes,
      ...(stub !== undefined ? { stub: resolve(options.root, stub) } : {}),
    });
  }
  for (const key of Object.keys(options.stubs ?? {})) {
    if (!ir.steps.some((s) => s.key === key)) {
      diagnostics.push(
        diagnostic("AP805", `--stub names step "${key}", which the pipeline does not have`, {
          hint: `steps: ${ir.steps.map((s) => s.key).join(", ")}`,
        }),
      );
    }
  }
  return { steps, diagnostics };
}
