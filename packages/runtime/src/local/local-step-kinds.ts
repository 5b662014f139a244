import { join } from "node:path";
import type { EnvironmentIR } from "@amlpipe/compiler";
import { type StepIR, type StepIROf, type StepType, withKind } from "@amlpipe/compiler";
import type { StepAction, StepPaths } from "./step-command.js";

/** How the local backend runs one step kind. */
export interface LocalStepKind<T extends StepType> {
  /** Why this step cannot run on this machine; undefined when it can. */
  cannotRunLocally(step: StepIROf<T>): string | undefined;
  /** The process (or copy) that runs the step here. */
  action(
    step: StepIROf<T>,
    paths: StepPaths,
    args: readonly string[],
    env: Record<string, string>,
  ): StepAction;
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

/** Runs a Python script with the environment's interpreter. */
function python(
  script: readonly string[],
  paths: StepPaths,
  env: Record<string, string>,
  note?: string,
): StepAction {
  const found = interpreter(paths.environment);
  const shown = note ?? found.note;
  return {
    kind: "process",
    command: found.command,
    args: [...script],
    env,
    ...(shown ? { note: shown } : {}),
  };
}

/**
 * The local backend's part of every step kind, keyed by kind: typed so that a kind without an entry
 * does not compile (the compiler's part is in `@amlpipe/compiler`'s `STEP_KINDS`).
 */
export const LOCAL_STEP_KINDS: { readonly [T in StepType]: LocalStepKind<T> } = {
  PythonScriptStep: {
    cannotRunLocally: () => undefined,
    action: (step, paths, args, env) => {
      const found = interpreter(paths.environment);
      // Azure starts a PySpark job on the Spark compute; here it is one Python process.
      const spark =
        step.framework === "pyspark"
          ? `framework pyspark: run here as a plain Python process with ${found.command}, not on a Spark cluster (its SparkSession is local, if pyspark is installed)`
          : undefined;
      const note = [spark, found.note].filter(Boolean).join("; ") || undefined;
      return python([step.scriptName, ...args], paths, env, note);
    },
  },
  ParallelRunStep: {
    cannotRunLocally: () => undefined,
    action(step, paths, args, env) {
      const [output] = paths.outputs.values();
      const config = step.parallelRunConfig;
      return python(
        [
          paths.parallelDriver,
          config.entryScript,
          config.miniBatchSize ?? "1",
          config.outputAction ?? "append_row",
          output ?? "",
          ...step.inputs.flatMap((i) => paths.inputs.get(i.name) ?? []),
          "--",
          ...args,
        ],
        paths,
        env,
      );
    },
  },
  AdlaStep: {
    cannotRunLocally: () => "U-SQL runs only on Azure Data Lake Analytics",
    action: () => {
      throw new Error("AdlaStep cannot run locally (refused while planning)");
    },
  },
  AzureBatchStep: {
    cannotRunLocally: (step) =>
      /\.(cmd|bat|exe)$/i.test(step.executable) ? `"${step.executable}" is a Windows executable` : undefined,
    action(step, paths, args, env) {
      const executable = join(paths.snapshot, step.executable);
      return step.executable.endsWith(".sh")
        ? { kind: "process", command: "bash", args: [executable, ...args], env }
        : { kind: "process", command: executable, args: [...args], env };
    },
  },
  DatabricksStep: {
    cannotRunLocally: (step) =>
      step.pythonScriptName !== undefined
        ? undefined
        : step.notebookPath !== undefined
          ? "a Databricks notebook runs only on Databricks"
          : step.mainClassName !== undefined
            ? "a Databricks jar runs only on Databricks"
            : "a Databricks script on DBFS runs only on Databricks",
    // As on Databricks: the script's own parameters, then `--<name> <path>` per input and output
    // (a DatabricksStep gets no `arguments`; AP209 refuses them).
    action: (step, paths, args, env) =>
      python(
        [
          step.pythonScriptName ?? "",
          ...(step.pythonScriptParams ?? []),
          ...[...paths.inputs, ...paths.outputs].flatMap(([name, path]) => [`--${name}`, path]),
          ...args,
        ],
        paths,
        env,
        "Databricks script run with this machine's python3 (no Spark cluster locally)",
      ),
  },
  DataTransferStep: {
    cannotRunLocally: () => undefined,
    action: (step, paths) => ({
      kind: "copy",
      from: paths.inputs.get(step.sourceDataReference.name) ?? "",
      to: paths.writes.get(step.destinationDataReference.name) ?? "",
    }),
  },
};

/** Why `step` cannot run on this machine; undefined when it can. */
export function cannotRunLocally(step: StepIR): string | undefined {
  return withKind(step, (kind, own) =>
    (LOCAL_STEP_KINDS[kind.type] as LocalStepKind<typeof kind.type>).cannotRunLocally(own),
  );
}
