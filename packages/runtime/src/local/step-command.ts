import { type ArgumentIR, type EnvironmentIR, type StepIR, withKind } from "@amlpipe/compiler";
import { LOCAL_STEP_KINDS, type LocalStepKind } from "./local-step-kinds.js";

/** How to run one step here: a process, or a copy (DataTransferStep). */
export type StepAction =
  | {
      readonly kind: "process";
      readonly command: string;
      readonly args: readonly string[];
      readonly env: Record<string, string>;
      readonly note?: string;
    }
  | { readonly kind: "copy"; readonly from: string; readonly to: string };

/** Paths and values a step's command is built from. */
export interface StepPaths {
  readonly snapshot: string;
  readonly inputs: ReadonlyMap<string, string>;
  readonly outputs: ReadonlyMap<string, string>;
  readonly parameters: ReadonlyMap<string, string>;
  /** Where the data references the step writes in place are, by binding name. */
  readonly writes: ReadonlyMap<string, string>;
  readonly environment?: EnvironmentIR;
  /** The ParallelRunStep driver script's path. */
  readonly parallelDriver: string;
}

/**
 * Replaces argument tokens by paths and values, as Azure ML does when it starts the step, and only
 * where the SDK v1 loader makes them bindings: a token that names no binding of the step, and a
 * `parameter:` token outside a PythonScriptStep (whose loader alone turns it into the step
 * parameter), stay the literal text (`input:x`, `parameter:lr`) there, and so here.
 */
export function resolveArguments(
  args: readonly ArgumentIR[],
  paths: StepPaths,
  stepType: StepIR["type"] = "PythonScriptStep",
): string[] {
  return args.map((arg) => {
    if (typeof arg !== "object") return String(arg);
    const literal = `${arg.ref}:${arg.name}`;
    if (arg.ref === "parameter")
      return stepType === "PythonScriptStep" ? (paths.parameters.get(arg.name) ?? literal) : literal;
    const table = arg.ref === "output" ? paths.outputs : paths.inputs;
    return table.get(arg.name) ?? literal;
  });
}

/** Environment variables Azure ML sets for step parameters: `AML_PARAMETER_<name>`. */
function parameterVariables(paths: StepPaths): Record<string, string> {
  return Object.fromEntries([...paths.parameters].map(([name, value]) => [`AML_PARAMETER_${name}`, value]));
}

/** Builds the local action of a runnable step (each kind's part is in `local-step-kinds.ts`). */
export function stepAction(step: StepIR, paths: StepPaths): StepAction {
  const env = { ...(paths.environment?.environmentVariables ?? {}), ...parameterVariables(paths) };
  const args = resolveArguments(step.arguments, paths, step.type);
  return withKind(step, (kind, own) =>
    (LOCAL_STEP_KINDS[kind.type] as LocalStepKind<typeof kind.type>).action(own, paths, args, env),
  );
}
