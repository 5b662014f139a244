import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import { producersOf, stepInputs } from "../ir/step-bindings.js";
import { at, withReportStep, withStep } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/** AP200: steps that wait on each other (through data or `.after`) can never start. */
export const cycleRule: Rule = {
  code: "AP200",
  examples: {
    fires: [
      {
        what: "prep reads copy's output while copy depends on prep",
        line: 10,
        mutate: (ir) =>
          withStep(ir, "prep", {
            after: ["copy"],
            inputs: [{ name: "raw", from: "summary_blob", source: at(12) }],
          }),
      },
    ],
    passes: [
      {
        what: "a new step runs after agg: still one direction",
        mutate: (ir) => withReportStep(ir, { after: ["agg"] }),
      },
      {
        what: "two steps named report, the second reading the first: AP203, not a cycle",
        alsoFires: ["AP203"],
        mutate: (ir) =>
          withReportStep(
            withReportStep(ir, { outputs: [{ name: "o", destination: "r_o", source: at(9) }] }),
            {
              inputs: [{ name: "i", from: "r_o", source: at(9) }],
            },
          ),
      },
    ],
  },
  check(ir) {
    const producers = producersOf(ir);
    const needs = new Map(
      ir.steps.map((s) => [
        s.key,
        [
          ...new Set([
            ...s.after,
            ...stepInputs(s).flatMap((i) => (producers.get(i.from) ?? []).map((p) => p.key)),
          ]),
        ],
      ]),
    );
    // Two steps with one name (AP203) look like one step waiting on itself: not a cycle of its own.
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    for (const step of ir.steps) (seen.has(step.key) ? duplicated : seen).add(step.key);
    const state = new Map<string, "visiting" | "done">();
    const reported = new Set<string>();
    const findings: Diagnostic[] = [];
    // `path` is the walk's current chain, pushed and popped (copying it per step is quadratic in depth).
    const path: string[] = [];
    const visit = (key: string): void => {
      if (state.get(key) === "done") return;
      if (state.get(key) === "visiting") {
        const cycle = [...path.slice(path.indexOf(key)), key];
        const id = [...cycle].sort().join(",");
        if (!reported.has(id) && !cycle.some((k) => duplicated.has(k))) {
          reported.add(id);
          const step = ir.steps.find((s) => s.key === key);
          findings.push(
            diagnostic("AP200", `steps wait on each other in a cycle: ${cycle.join(" -> ")}`, {
              at: step?.source,
              hint: "break the cycle: one of these steps must not read the other's output (or run after it)",
            }),
          );
        }
        return;
      }
      state.set(key, "visiting");
      path.push(key);
      for (const next of needs.get(key) ?? []) visit(next);
      path.pop();
      state.set(key, "done");
    };
    for (const step of ir.steps) visit(step.key);
    return findings;
  },
};
