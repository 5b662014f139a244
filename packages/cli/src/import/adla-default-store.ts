import { type PipelineIR, referenceDatastore, stepBindings } from "@amlpipe/compiler";

/** The datastore taken to be an ADLA account's default store, and the steps whose data put it there. */
export interface InferredAdlaStore {
  readonly datastore: string;
  readonly steps: readonly string[];
}

/**
 * For each compute that has no attach spec and runs only AdlaSteps: the one datastore all of their
 * data sits on. A U-SQL job reads and writes only the account's default store (which must be Data
 * Lake Storage Gen1), and the YAML never names that store, so when the bindings agree it must be
 * theirs. Computes whose steps use several stores are left out: there AP301 is a real finding.
 */
export function inferredAdlaStores(ir: PipelineIR): Map<string, InferredAdlaStore> {
  const inferred = new Map<string, InferredAdlaStore>();
  const referenceStore = new Map(ir.dataReferences.map((r) => [r.name, referenceDatastore(r)]));
  for (const compute of ir.computes) {
    if (compute.kind !== "unknown") continue;
    const users = ir.steps.filter((s) => (s.compute ?? ir.defaultCompute) === compute.name);
    if (users.length === 0 || users.some((s) => s.type !== "AdlaStep")) continue;
    const stores = new Set<string | undefined>();
    for (const step of users) {
      const { inputs, outputs } = stepBindings(step);
      for (const input of inputs)
        if (referenceStore.has(input.from)) stores.add(referenceStore.get(input.from));
      for (const output of outputs) stores.add(output.datastore);
    }
    const [only, ...others] = [...stores];
    if (only !== undefined && others.length === 0)
      inferred.set(compute.name, { datastore: only, steps: users.map((s) => s.key) });
  }
  return inferred;
}
