import { type PipelineIR, STEP_KINDS, tsCall, tsIdentifier, tsLiteral, tsMember } from "@amlpipe/compiler";
import { inferredAdlaStores } from "./adla-default-store.js";
import {
  computeExpression,
  datastoreExpression,
  environmentExpression,
  parameterExpression,
  referenceExpression,
} from "./constructor-expressions.js";
import type { GenerationState } from "./generation-state.js";
import { printExpression } from "./print-expression.js";
import { placeholderCompute } from "./step-expressions.js";

/** The const of datastore `name`, declared as Azure Blob the first time a pipeline names an unknown one. */
export function datastoreConst(state: GenerationState, name: string): string {
  const known = state.datastores.get(name);
  if (known) return known;
  state.use("datastore");
  const id = state.add(name, tsCall(tsMember(tsIdentifier("datastore"), "blob"), tsLiteral(name)));
  state.datastores.set(name, id);
  return id;
}

/** One const per datastore. */
export function declareDatastores(ir: PipelineIR, state: GenerationState): void {
  const adlaStores = new Map(
    [...inferredAdlaStores(ir)].map(([compute, { datastore }]) => [datastore, compute] as const),
  );
  for (const declared of ir.datastores) {
    const adla = declared.kind === "unknown" ? adlaStores.get(declared.name) : undefined;
    // An ADLA account's default store is Data Lake Storage Gen1 (the service requires it).
    const d = adla === undefined ? declared : { ...declared, kind: "adls_gen1" as const };
    state.report.push(
      declared.kind !== "unknown"
        ? { construct: `datastore "${d.name}"`, status: "clean" }
        : {
            construct: `datastore "${d.name}"`,
            status: "review",
            why:
              adla === undefined
                ? "its kind is not in the YAML; assumed Azure Blob"
                : `its kind is not in the YAML; written as Data Lake Storage Gen1, as the default store of ADLA compute "${adla}" must be`,
            at: d.source,
          },
    );
    state.use("datastore");
    state.datastores.set(d.name, state.add(d.name, datastoreExpression(d)));
  }
}

/** One const per data reference the DSL can express. */
export function declareReferences(ir: PipelineIR, state: GenerationState, tsFileDir: string): void {
  for (const r of ir.dataReferences) {
    const expression = referenceExpression(r, (name) => datastoreConst(state, name), tsFileDir);
    if (!expression) {
      state.report.push({
        construct: `data reference "${r.name}"`,
        status: "unsupported",
        why: "a SQL reference with stored procedure parameters but no procedure, table or query has no DSL form",
        at: r.source,
      });
      continue;
    }
    if (r.kind === "dataset") state.use("dataset");
    if (r.kind === "local_path") state.use("localData");
    state.references.set(r.name, state.add(r.name, expression));
    state.report.push({ construct: `data reference "${r.name}"`, status: "clean" });
  }
}

/** One const per compute; a compute without a spec gets a kind guessed from the steps that use it. */
export function declareComputes(ir: PipelineIR, state: GenerationState): void {
  const adlaStores = inferredAdlaStores(ir);
  for (const c of ir.computes) {
    let compute = c;
    if (c.kind === "unknown") {
      const users = ir.steps.filter((s) => (s.compute ?? ir.defaultCompute) === c.name);
      const stepTypes = users.map((s) => s.type);
      const kinds: readonly string[] = STEP_KINDS[stepTypes[0] ?? "PythonScriptStep"].computeKinds;
      // Spark steps run on a Synapse pool (all v2 Spark can use); a PythonScriptStep's first kind is
      // `local`, its compute more likely a cluster.
      const spark =
        users.length > 0 && users.every((s) => s.type === "PythonScriptStep" && s.framework === "pyspark");
      const kind = spark
        ? "synapse_spark"
        : (kinds[stepTypes[0] === "PythonScriptStep" || !stepTypes[0] ? 1 : 0] ?? "aml_cluster");
      compute = placeholderCompute(c.name, kind, c.source);
      state.report.push({
        construct: `compute "${c.name}"`,
        status: "review",
        why: `no attach spec in the YAML; written as ${kind} from the steps that use it (fill in its settings)`,
        at: c.source,
      });
      const store = kind === "adla" ? adlaStores.get(c.name) : undefined;
      if (store) {
        compute = { ...(compute as object), defaultDatastore: store.datastore } as never;
        state.report.push({
          construct: `compute "${c.name}" default store`,
          status: "review",
          why: `the ADLA account's default store was taken to be "${store.datastore}", the store all data of ${store.steps.map((s) => `"${s}"`).join(", ")} uses`,
          at: c.source,
        });
      }
    } else state.report.push({ construct: `compute "${c.name}"`, status: "clean" });
    state.use("compute");
    const expression = computeExpression(compute, (name) => datastoreConst(state, name));
    if (printExpression(expression).includes("secret.")) state.use("secret");
    state.computes.set(c.name, state.add(c.name, expression));
  }
}

/** One const per environment and per parameter. */
export function declareEnvironmentsAndParameters(ir: PipelineIR, state: GenerationState): void {
  for (const e of ir.environments) {
    state.use("environment");
    state.environments.set(e.name, state.add(e.name, environmentExpression(e)));
    const lost = e.environmentVariables && e.kind !== "conda";
    state.report.push({
      construct: `environment "${e.name}"`,
      status: lost ? "review" : "clean",
      ...(lost ? { why: "environment variables are kept only on conda environments" } : {}),
    });
  }
  for (const p of ir.parameters) {
    state.use("param");
    state.params.set(p.name, state.add(p.name, parameterExpression(p)));
  }
}
