import {
  type ArgumentIR,
  COMPUTE_KINDS,
  type PipelineIR,
  type StepIR,
  stepBindings,
  type TsExpression,
  tsArray,
  tsArrow,
  tsIdentifier,
  tsLiteral,
  tsMember,
} from "@amlpipe/compiler";

/** A step's arguments as an `args()` call argument: a list, or a callback over the declared names. */
export function argumentsExpression(
  step: StepIR,
  dropped: ReadonlySet<string>,
  clean: (ok: boolean) => void,
): TsExpression {
  const names = {
    input: { group: "inputs", names: new Set(step.inputs.map((i) => i.name)) },
    output: { group: "outputs", names: new Set(step.outputs.map((o) => o.name)) },
    parameter: { group: "params", names: new Set(step.parameters.map((p) => p.name)) },
    side_input: { group: "sideInputs", names: new Set(stepBindings(step).sideInputs.map((s) => s.name)) },
  };
  const groups = new Set<string>();
  const items = step.arguments.map((arg: ArgumentIR): TsExpression => {
    if (typeof arg !== "object") return tsLiteral(arg);
    const table = names[arg.ref];
    if (
      !table.names.has(arg.name) ||
      ((arg.ref === "input" || arg.ref === "side_input") && dropped.has(arg.name))
    ) {
      clean(false);
      return tsLiteral(`${arg.ref}:${arg.name}`);
    }
    groups.add(table.group);
    return tsMember(tsIdentifier(table.group), arg.name);
  });
  return groups.size === 0 ? tsArray(items) : tsArrow([...groups], tsArray(items));
}

/** A compute of a kind guessed from its steps, with its kind's TODO settings (no attach spec in the YAML). */
export function placeholderCompute(name: string, kind: string, source: PipelineIR["source"]) {
  const settings = Object.hasOwn(COMPUTE_KINDS, kind)
    ? COMPUTE_KINDS[kind as keyof typeof COMPUTE_KINDS].placeholder
    : undefined;
  return { name, kind, source, ...(settings ?? {}) } as never;
}
