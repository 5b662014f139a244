import {
  type ArgumentIR,
  COMPUTE_KINDS,
  type PipelineIR,
  type StepIR,
  stepBindings,
} from "@amlpipe/compiler";
import { literal } from "./identifiers.js";

/** `object.name`, or `object["odd-name"]` when the name is not an identifier. */
export const member = (object: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;

/** A step's arguments as an `args()` call argument: a list, or a callback over the declared names. */
export function argumentsExpression(
  step: StepIR,
  dropped: ReadonlySet<string>,
  clean: (ok: boolean) => void,
): string {
  const names = {
    input: { group: "inputs", names: new Set(step.inputs.map((i) => i.name)) },
    output: { group: "outputs", names: new Set(step.outputs.map((o) => o.name)) },
    parameter: { group: "params", names: new Set(step.parameters.map((p) => p.name)) },
    side_input: {
      group: "sideInputs",
      names: new Set(stepBindings(step).sideInputs.map((s) => s.name)),
    },
  };
  const groups = new Set<string>();
  const items = step.arguments.map((arg: ArgumentIR) => {
    if (typeof arg !== "object") return literal(arg);
    const table = names[arg.ref];
    if (
      !table.names.has(arg.name) ||
      ((arg.ref === "input" || arg.ref === "side_input") && dropped.has(arg.name))
    ) {
      clean(false);
      return literal(`${arg.ref}:${arg.name}`);
    }
    groups.add(table.group);
    return member(table.group, arg.name);
  });
  return groups.size === 0
    ? `[${items.join(", ")}]`
    : `({ ${[...groups].join(", ")} }) => [${items.join(", ")}]`;
}

/** A compute of a kind guessed from its steps, with its kind's TODO settings (no attach spec in the YAML). */
export function placeholderCompute(name: string, kind: string, source: PipelineIR["source"]) {
  const settings = Object.hasOwn(COMPUTE_KINDS, kind)
    ? COMPUTE_KINDS[kind as keyof typeof COMPUTE_KINDS].placeholder
    : undefined;
  return { name, kind, source, ...(settings ?? {}) } as never;
}
