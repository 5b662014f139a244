import type { StepFeature } from "@amlpipe/dsl";
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { StepIR } from "../ir/step.js";
import { STEP_KINDS } from "../kinds/steps/index.js";
import { at, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** What a step holds for each feature, and the hint for a kind without it. */
const FEATURE_USE: Record<StepFeature, { count(step: StepIR): number; what: string }> = {
  inputs: { count: (s) => s.inputs.length, what: "inputs" },
  outputs: { count: (s) => s.outputs.length, what: "outputs" },
  arguments: { count: (s) => s.arguments.length, what: "arguments" },
  parameters: { count: (s) => s.parameters.length, what: "parameters" },
  sideInputs: {
    count: (s) => (s.type === "ParallelRunStep" ? s.sideInputs.length : (s.unreadSideInputs?.length ?? 0)),
    what: "side inputs",
  },
};

/** Where the values belong instead, for the kinds that have another home for them. */
const INSTEAD: Partial<Record<StepIR["type"], string>> = {
  DatabricksStep:
    "put literal arguments in pythonScriptParams or jarParams; inputs and outputs reach the script as --<name> <path>",
  DataTransferStep: "a DataTransferStep copies `from` to `to`; read or write other data in another step",
};

/**
 * AP209: a step uses a feature (arguments, parameters, side inputs, extra bindings) that the SDK v1
 * loader does not pass to its kind, so it would be dropped without a word. The typed DSL has no
 * method for it; this catches untyped code and hand-built IR.
 */
export const unsupportedFeatureRule: Rule = {
  code: "AP209",
  examples: {
    fires: [
      {
        what: "an AdlaStep with arguments (the loader passes it none)",
        line: 20,
        mutate: (ir) => withStep(ir, "agg", { arguments: ["--x"] }),
      },
      {
        what: "a DataTransferStep with an extra output",
        line: 30,
        mutate: (ir) =>
          withStep(ir, "copy", { outputs: [{ name: "extra", destination: "extra", source: at(30) }] }),
      },
    ],
    passes: [
      {
        what: "an AdlaStep with parameters (which it reads)",
        mutate: (ir) =>
          withStep(ir, "agg", {
            parameters: [{ name: "p", value: { kind: "literal", value: 1 }, source: at(20) }],
          }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((step) => {
      const features = STEP_KINDS[step.type].features;
      return (Object.keys(FEATURE_USE) as StepFeature[]).flatMap((feature) => {
        const use = FEATURE_USE[feature];
        if (features[feature] || use.count(step) === 0) return [];
        return [
          diagnostic(
            "AP209",
            `${step.type} "${step.key}" has ${use.what}, which the Azure ML loader does not pass to a ${step.type}: they would be dropped`,
            {
              at: step.source,
              hint: INSTEAD[step.type] ?? `remove the ${use.what}, or use a step kind that reads them`,
            },
          ),
        ];
      });
    });
  },
};
