import { join } from "node:path";
import type { ArgumentIR, EnvironmentIR, StepIR } from "@amlpipe/compiler";

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
  readonly environment?: EnvironmentIR;
  /** The ParallelRunStep driver script's path. */
  readonly parallelDriver: string;
}

/** Replaces argument tokens by paths and values, as Azure ML does when it starts the step. */
export function resolveArguments(args: readonly ArgumentIR[], paths: StepPaths): string[] {
  return args.map((arg) => {
    if (typeof arg !== "object") return String(arg);
    const table =
      arg.ref === "output" ? paths.outputs : arg.ref === "parameter" ? paths.parameters : paths.inputs;
    return table.get(arg.name) ?? "";
  });
}

/** The Python interpreter for an environment: the user-managed one, else this machine's python3. */
function interpreter(environment: EnvironmentIR | undefined): { command: string; note?: string } {
  if (environment?.kind === "user_managed") return { command: environment.interpreterPath };
  if (environment?.kind === "docker" && environment.interpreterPath)
    return { command: environment.interpreterPath };
  if (!environment) return { command: "python3" };
  return {
    command: "python3",
    note: `environment "${environment.name}" (${environment.kind}) is not built locally: running with this machine's python3`,
  };
}

/** Environment variables Azure ML sets for step parameters: `AML_PARAMETER_<name>`. */
function parameterVariables(paths: StepPaths): Record<string, string> {
  return Object.fromEntries([...paths.parameters].map(([name, value]) => [`AML_PARAMETER_${name}`, value]));
}

/** Builds the local action of a runnable step. */
export function stepAction(step: StepIR, paths: StepPaths): StepAction {
  const env = { ...(paths.environment?.environmentVariables ?? {}), ...parameterVariables(paths) };
  const args = resolveArguments(step.arguments, paths);
  switch (step.type) {
    case "PythonScriptStep": {
      const python = interpreter(paths.environment);
      return {
        kind: "process",
        command: python.command,
        args: [step.scriptName, ...args],
        env,
        ...(python.note ? { note: python.note } : {}),
      };
    }
    case "ParallelRunStep": {
      const python = interpreter(paths.environment);
      const [output] = paths.outputs.values();
      const config = step.parallelRunConfig;
      return {
        kind: "process",
        command: python.command,
        args: [
          paths.parallelDriver,
          config.entryScript,
          config.miniBatchSize ?? "1",
          config.outputAction ?? "append_row",
          output ?? "",
          ...step.inputs.flatMap((i) => paths.inputs.get(i.name) ?? []),
          "--",
          ...args,
        ],
        env,
        ...(python.note ? { note: python.note } : {}),
      };
    }
    case "AzureBatchStep": {
      const executable = join(paths.snapshot, step.executable);
      return step.executable.endsWith(".sh")
        ? { kind: "process", command: "bash", args: [executable, ...args], env }
        : { kind: "process", command: executable, args, env };
    }
    case "DatabricksStep": {
      const python = interpreter(paths.environment);
      return {
        kind: "process",
        command: python.command,
        args: [step.pythonScriptName ?? "", ...(step.pythonScriptParams ?? []), ...args],
        env,
        note: "Databricks script run with this machine's python3 (no Spark cluster locally)",
      };
    }
    case "DataTransferStep":
      return {
        kind: "copy",
        from: paths.inputs.get(step.sourceDataReference.name) ?? "",
        to: paths.outputs.get(step.destinationDataReference.name) ?? "",
      };
    case "AdlaStep":
      throw new Error("AdlaStep cannot run locally (refused while planning)");
  }
}
