import { diagnostic } from "../diagnostics/diagnostic.js";
import { withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP407: AdlaStep settings: a `.usql` script, a priority and parallelism of at least 1. */
export const adlaSettingsRule: Rule = {
  code: "AP407",
  examples: {
    fires: [
      {
        what: "a U-SQL script named .sql",
        line: 20,
        mutate: (ir) => withStep(ir, "agg", { scriptName: "agg.sql" }),
      },
    ],
    passes: [
      {
        what: "a U-SQL script in a subfolder",
        mutate: (ir) => withStep(ir, "agg", { scriptName: "jobs/agg.usql" }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "AdlaStep") return [];
      const problems: string[] = [];
      if (s.scriptName !== "" && !/\.usql$/i.test(s.scriptName))
        problems.push(`script "${s.scriptName}" is not a U-SQL (.usql) file`);
      if (s.priority !== undefined && s.priority < 1)
        problems.push(`priority ${s.priority} must be at least 1 (lower runs first; default 1000)`);
      if (s.degreeOfParallelism !== undefined && s.degreeOfParallelism < 1)
        problems.push(`degree_of_parallelism ${s.degreeOfParallelism} must be at least 1`);
      return problems.map((p) => diagnostic("AP407", `AdlaStep "${s.key}": ${p}`, { at: s.source }));
    });
  },
};
