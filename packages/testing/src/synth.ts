import {
  type CompileTarget,
  compilePipeline,
  type Diagnostic,
  formatDiagnostics,
  hasErrors,
  lowerPipeline,
  type PipelineGraph,
  type PipelineIR,
  pipelineGraph,
  type StepIR,
} from "@amlpipe/compiler";
import type { Pipeline } from "@amlpipe/dsl";

/** What {@link synth} returns: everything a compile would write, in memory. */
export interface SynthResult {
  readonly ir: PipelineIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Compiled files by path (empty when a rule found an error). */
  readonly files: Readonly<Record<string, string>>;
  /** The compiled `pipeline.yaml` text, for snapshot tests. */
  readonly yaml: string;
  readonly graph: PipelineGraph;
  /** The step with `key`; throws, naming the keys there are, when there is none. */
  step(key: string): StepIR;
  /** `from -> to` edges between steps (through data or `.after`). */
  stepEdges(): string[];
}

/** Options of {@link synth}. */
export interface SynthOptions {
  /** @default "v1" */
  readonly target?: CompileTarget;
  /** Root source positions are relative to. @default the working directory */
  readonly root?: string;
}

/**
 * Compiles a pipeline in memory, like cdk8s's `Testing.synth`: no files are written. Rules run as in
 * `amlpipe compile`; use {@link assertValid} to fail a test on any error.
 */
export function synth(pipeline: Pipeline, options: SynthOptions = {}): SynthResult {
  const { ir, diagnostics } = lowerPipeline(pipeline, { root: options.root ?? process.cwd() });
  if (!ir)
    throw new Error(
      `pipeline "${pipeline.name}" could not be lowered:\n${formatDiagnostics(diagnostics, { format: "human", color: false })}`,
    );
  const compiled = compilePipeline(ir, {
    target: options.target ?? "v1",
    outputToRoot: ".",
    toolVersion: "testing",
    schemaDirectory: ".",
  });
  const files = Object.fromEntries(compiled.files.map((f) => [f.path, f.text]));
  const graph = pipelineGraph(ir);
  return {
    ir,
    diagnostics: [...diagnostics, ...compiled.diagnostics],
    files,
    yaml: files["pipeline.yaml"] ?? "",
    graph,
    step(key) {
      const step = ir.steps.find((s) => s.key === key);
      if (!step)
        throw new Error(
          `pipeline "${ir.name}" has no step "${key}"; its steps: ${ir.steps.map((s) => s.key).join(", ")}`,
        );
      return step;
    },
    stepEdges() {
      const producers = new Map(
        graph.edges.filter((e) => e.from.startsWith("step:")).map((e) => [e.to, e.from]),
      );
      const edges = graph.edges.flatMap((e) => {
        if (e.kind === "after") return [`${e.from.slice(5)} -> ${e.to.slice(5)}`];
        const producer = producers.get(e.from);
        return producer && e.to.startsWith("step:") ? [`${producer.slice(5)} -> ${e.to.slice(5)}`] : [];
      });
      return [...new Set(edges)].sort();
    },
  };
}

/** Throws (with every diagnostic formatted) when the compile found an error. */
export function assertValid(result: SynthResult): void {
  if (hasErrors(result.diagnostics)) {
    throw new Error(
      `pipeline "${result.ir.name}" has errors:\n${formatDiagnostics(result.diagnostics, { format: "human", color: false })}`,
    );
  }
}
