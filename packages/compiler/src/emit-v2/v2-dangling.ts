import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { PipelineIR } from "../ir/pipeline.js";
import type { StepIR } from "../ir/step.js";
import { stepBindings } from "../ir/step-bindings.js";

const OWN_REFERENCE = /\$\{\{\s*(inputs|outputs)\.([\w.-]+)\s*\}\}/g;

/** The command-line texts of a v2 node: its command, Spark args or parallel task arguments. */
function commandTexts(node: Record<string, unknown>): string[] {
  const task = node.task as Record<string, unknown> | undefined;
  return [node.command, node.args, task?.program_arguments].filter((t): t is string => typeof t === "string");
}

/**
 * What a v2 node would name but nobody provides, which the service refuses: an input reading data
 * that no step writes and no pipeline input holds (a v1 side input on another pipeline's data), or
 * a `${{inputs.x}}` in its command for an input the node does not have (a v1 `parameter:` token of a
 * kind that takes no parameters). Errors at the step: the job is left out rather than written broken.
 * `known` is every data name the pipeline provides ({@link providedData}).
 */
export function danglingReferences(
  step: StepIR,
  node: Record<string, unknown>,
  known: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const binding of stepBindings(step).inputs)
    if (!known.has(binding.from))
      diagnostics.push(
        diagnostic(
          "AP201",
          `step "${step.key}" reads "${binding.from}" (input "${binding.name}"), which no step writes and no pipeline input holds; the v2 job would bind to nothing`,
          {
            at: step.source,
            hint: "bind the input to a data reference, a parameter or another step's output",
          },
        ),
      );
  const sides = {
    inputs: new Set(Object.keys((node.inputs as object | undefined) ?? {})),
    outputs: new Set(Object.keys((node.outputs as object | undefined) ?? {})),
  };
  for (const text of commandTexts(node))
    for (const [, side, name] of text.matchAll(OWN_REFERENCE))
      if (name && !sides[side as "inputs" | "outputs"].has(name))
        diagnostics.push(
          diagnostic(
            "AP204",
            `step "${step.key}" passes \${{${side}.${name}}}, which its v2 job does not have: the service refuses the job`,
            {
              at: step.source,
              hint: `${step.type} takes no such ${side === "inputs" ? "input or parameter" : "output"} in v2; drop the argument or bind it`,
              severity: "error",
            },
          ),
        );
  return diagnostics;
}

/** Every name a job input can read: what steps write, the data references and the parameters. */
export function providedData(ir: PipelineIR, produced: Iterable<string>): Set<string> {
  return new Set([...produced, ...ir.dataReferences.map((r) => r.name), ...ir.parameters.map((p) => p.name)]);
}
