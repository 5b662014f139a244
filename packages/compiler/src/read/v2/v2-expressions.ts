import { parse as parseShell } from "shell-quote";
import type { ArgumentIR } from "../../ir/step.js";

/** What a `${{...}}` binding of a pipeline job names. */
export type V2Binding =
  | { readonly kind: "parent_input"; readonly name: string }
  | { readonly kind: "parent_output"; readonly name: string }
  | { readonly kind: "job_output"; readonly job: string; readonly output: string };

const PARENT_INPUT = /^\$\{\{\s*parent\.inputs\.([\w.-]+)\s*\}\}$/;
const PARENT_OUTPUT = /^\$\{\{\s*parent\.outputs\.([\w.-]+)\s*\}\}$/;
const JOB_OUTPUT = /^\$\{\{\s*parent\.jobs\.([\w.-]+)\.outputs\.([\w.-]+)\s*\}\}$/;

/** The binding a whole value is (`${{parent.inputs.x}}`, ...), or undefined when it is none. */
export function parseBinding(text: string): V2Binding | undefined {
  const trimmed = text.trim();
  const input = PARENT_INPUT.exec(trimmed);
  if (input?.[1]) return { kind: "parent_input", name: input[1] };
  const output = PARENT_OUTPUT.exec(trimmed);
  if (output?.[1]) return { kind: "parent_output", name: output[1] };
  const job = JOB_OUTPUT.exec(trimmed);
  if (job?.[1] && job[2]) return { kind: "job_output", job: job[1], output: job[2] };
  return undefined;
}

/** A command-line word as read: a literal, a reference to the job's own input or output, or text mixing both. */
export type CommandWord =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "reference"; readonly side: "inputs" | "outputs"; readonly name: string }
  | { readonly kind: "mixed"; readonly text: string };

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const OWN_REFERENCE = /^(inputs|outputs)\.([\w.-]+)$/;

/**
 * Splits a v2 command line (`command:`, a Spark job's `args:`) into words as a shell would (with
 * shell-quote), keeping each `${{...}}` expression whole: the service replaces those before the shell
 * sees the line. Undefined when the line holds shell operators (`|`, `&&`, `>`...), which no
 * argument list can carry.
 */
export function splitCommandLine(text: string): CommandWord[] | undefined {
  const expressions: string[] = [];
  // A placeholder made only of word characters, so that the shell split cannot cut it.
  const masked = text.replace(EXPRESSION, (whole) => {
    expressions.push(whole);
    return `AMLPIPEEXPR${expressions.length - 1}X`;
  });
  const tokens = parseShell(masked, (name) => `$${name}`);
  if (tokens.some((t) => typeof t !== "string")) return undefined;
  return (tokens as string[]).map((token): CommandWord => {
    const whole = /^AMLPIPEEXPR(\d+)X$/.exec(token);
    if (whole) {
      const expression = expressions[Number(whole[1])] ?? "";
      const own = OWN_REFERENCE.exec(expression.replace(EXPRESSION, "$1"));
      if (own?.[1] && own[2])
        return { kind: "reference", side: own[1] as "inputs" | "outputs", name: own[2] };
      return { kind: "mixed", text: expression };
    }
    const restored = token.replace(/AMLPIPEEXPR(\d+)X/g, (_, i: string) => expressions[Number(i)] ?? "");
    return restored === token ? { kind: "literal", text: token } : { kind: "mixed", text: restored };
  });
}

/**
 * Command words as IR arguments: `${{inputs.x}}` names the step parameter `x` when the job's input
 * `x` is a value, else its data input; `${{outputs.y}}` its output. Words that mix text and
 * expressions stay text (the service still replaces the expressions in them).
 */
export function wordsAsArguments(
  words: readonly CommandWord[],
  parameters: ReadonlySet<string>,
): ArgumentIR[] {
  return words.map((word): ArgumentIR => {
    if (word.kind !== "reference") return word.text;
    if (word.side === "outputs") return { ref: "output", name: word.name };
    return { ref: parameters.has(word.name) ? "parameter" : "input", name: word.name };
  });
}
