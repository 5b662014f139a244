import { definedEntries } from "../../common/defined-entries.js";
import type { AdlaStepIR } from "../../ir/step.js";
import { checkScript } from "../../read/check-script.js";
import { scriptMissingRule } from "../../rules/ap400-script-missing.js";
import { adlaSettingsRule } from "../../rules/ap407-adla-settings.js";
import { described, int, nonEmpty, str } from "../../schema/definitions/common.js";
import { tsLiterals } from "../ts-expression.js";
import { allOf, type StepKind } from "./step-kind.js";

/** AdlaStep: runs a U-SQL script on Data Lake Analytics (retired in 2024; kept for v1 pipelines). */
export const adlaStep: StepKind<"AdlaStep"> = {
  type: "AdlaStep",
  summary: "runs a U-SQL script on Data Lake Analytics",
  computeKinds: allOf<"adla">()("adla"),
  runsInEnvironment: false,
  features: { inputs: true, outputs: true, arguments: false, parameters: true, sideInputs: false },
  v1Keys: {
    script_name: described("the U-SQL script to run, relative to source_directory", nonEmpty),
    degree_of_parallelism: described("Analytics Units for the job (ADLA's degree of parallelism)", int),
    priority: described("the job's priority in the Data Lake Analytics account: lower runs first", int),
    runtime_version: described("the U-SQL runtime the job runs on (the account's default when absent)", str),
  },
  v1NeedsCompute: true,
  requiredV1Keys: ["script_name"],
  v1Typed: { string: ["script_name"] },
  lower: (base, def) => ({ ...base, type: "AdlaStep", ...definedEntries(def.settings) }) as AdlaStepIR,
  read(base, cursor, context) {
    const scriptName = cursor.get("script_name").string("script_name") ?? "";
    checkScript(base, scriptName || undefined, cursor.get("script_name"), context);
    return {
      ...base,
      type: "AdlaStep",
      scriptName,
      ...definedEntries({
        degreeOfParallelism: cursor.get("degree_of_parallelism").number("degree_of_parallelism", true),
        priority: cursor.get("priority").number("priority", true),
        runtimeVersion: cursor.get("runtime_version").string("runtime_version"),
      }),
    };
  },
  emitV1: (step) =>
    definedEntries({
      script_name: step.scriptName,
      degree_of_parallelism: step.degreeOfParallelism,
      priority: step.priority,
      runtime_version: step.runtimeVersion,
    }),
  runconfigNeeds: () => ({}),
  bindings: (step) => ({ inputs: step.inputs, sideInputs: [], outputs: step.outputs, writes: [] }),
  scripts: (step) => (step.scriptName.trim() === "" ? [] : [step.scriptName]),
  v2: () => ({
    noV2Form:
      "Azure Data Lake Analytics was retired in February 2024 and v2 pipelines have no U-SQL job; move the job to Spark (a Synapse Spark `spark` job) or Microsoft Fabric",
  }),
  importCall: (step, context) => ({
    factory: "adlaStep",
    options: tsLiterals({
      script: step.scriptName,
      sourceDirectory: context.sourceDirectory,
      degreeOfParallelism: step.degreeOfParallelism,
      priority: step.priority,
      runtimeVersion: step.runtimeVersion,
    }),
    chainsBindings: true,
  }),
  rules: [scriptMissingRule, adlaSettingsRule],
};
