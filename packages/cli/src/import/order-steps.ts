import { type StepIR, stepInputs, stepOutputs } from "@amlpipe/compiler";

/**
 * Steps in an order where producers come before consumers (so each step's constant can use the
 * earlier ones), keeping the YAML's order wherever the data allows. Steps in a cycle keep their order.
 */
export function orderSteps(steps: readonly StepIR[]): StepIR[] {
  const producers = new Map<string, string>();
  for (const s of steps) for (const o of stepOutputs(s)) producers.set(o.destination, s.key);
  const needs = new Map(
    steps.map((s) => {
      const inputs = stepInputs(s);
      return [
        s.key,
        new Set(
          [...s.after, ...inputs.flatMap((i) => producers.get(i.from) ?? [])].filter((k) => k !== s.key),
        ),
      ];
    }),
  );
  const done = new Set<string>();
  const ordered: StepIR[] = [];
  let progress = true;
  while (ordered.length < steps.length && progress) {
    progress = false;
    for (const s of steps) {
      if (done.has(s.key)) continue;
      if ([...(needs.get(s.key) ?? [])].every((k) => done.has(k) || !steps.some((x) => x.key === k))) {
        done.add(s.key);
        ordered.push(s);
        progress = true;
      }
    }
  }
  return [...ordered, ...steps.filter((s) => !done.has(s.key))];
}
