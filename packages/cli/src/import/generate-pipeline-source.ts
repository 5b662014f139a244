import { posix } from "node:path";
import {
  type PipelineIR,
  STEP_KINDS,
  stepBindings,
  type TsExpression,
  tsIdentifier,
  tsMember,
  tsObject,
  withKind,
} from "@amlpipe/compiler";
import { IndentationText, Project, QuoteKind, VariableDeclarationKind } from "ts-morph";
import { docComment, lineComment } from "./comment-text.js";
import {
  computeExpression,
  datastoreExpression,
  environmentExpression,
  literals,
  objectExpression,
  parameterExpression,
  referenceExpression,
  scheduleExpression,
} from "./constructor-expressions.js";
import type { FidelityEntry } from "./fidelity.js";
import { Identifiers, literal } from "./identifiers.js";
import { orderSteps } from "./order-steps.js";
import { printExpression } from "./print-expression.js";
import { argumentsExpression, placeholderCompute } from "./step-expressions.js";

/** Options of {@link generatePipelineSource}. */
export interface GenerateOptions {
  /** Folder of the TypeScript file to write, relative to the root (source directories are made relative to it). */
  readonly tsFileDir: string;
  /** Comment lines for the top of the file (e.g. the YAML's own header comment). */
  readonly header?: readonly string[];
  /** Comments that stood above each step in the YAML, by step key. */
  readonly stepComments?: ReadonlyMap<string, string>;
}

/**
 * Writes idiomatic DSL code for an IR pipeline with ts-morph: named constants for datastores, data
 * references, computes, environments and parameters, one chained builder per step, a default export.
 * Returns the formatted text and a fidelity report of what came across cleanly, what needs review and
 * what the DSL cannot express.
 */
export function generatePipelineSource(
  ir: PipelineIR,
  options: GenerateOptions,
): { text: string; report: FidelityEntry[] } {
  const report: FidelityEntry[] = [];
  const ids = new Identifiers();
  const consts: { name: string; init: string; comment?: string }[] = [];
  const add = (label: string, init: string, comment?: string) => {
    const name = ids.take(label);
    consts.push({ name, init, ...(comment ? { comment } : {}) });
    return name;
  };
  const used = new Set<string>(["pipeline"]);
  const use = (fn: string) => used.add(fn);

  const datastores = new Map<string, string>();
  for (const d of ir.datastores) {
    if (d.kind === "unknown")
      report.push({
        construct: `datastore "${d.name}"`,
        status: "review",
        why: "its kind is not in the YAML; assumed Azure Blob",
        at: d.source,
      });
    else report.push({ construct: `datastore "${d.name}"`, status: "clean" });
    use("datastore");
    datastores.set(d.name, add(d.name, datastoreExpression(d)));
  }
  const datastoreId = (name: string) => {
    if (!datastores.has(name)) {
      use("datastore");
      datastores.set(name, add(name, `datastore.blob(${literal(name)})`));
    }
    return datastores.get(name) as string;
  };
  const references = new Map<string, string>();
  for (const r of ir.dataReferences) {
    const expression = referenceExpression(r, datastoreId);
    if (!expression) {
      report.push({
        construct: `data reference "${r.name}"`,
        status: "unsupported",
        why: "SQL stored procedures have no DSL form",
        at: r.source,
      });
      continue;
    }
    if (r.kind === "dataset") use("dataset");
    references.set(r.name, add(r.name, expression));
    report.push({ construct: `data reference "${r.name}"`, status: "clean" });
  }
  const computes = new Map<string, string>();
  for (const c of ir.computes) {
    let compute = c;
    if (c.kind === "unknown") {
      const stepTypes = ir.steps
        .filter((s) => (s.compute ?? ir.defaultCompute) === c.name)
        .map((s) => s.type);
      const kinds: readonly string[] = STEP_KINDS[stepTypes[0] ?? "PythonScriptStep"].computeKinds;
      // A PythonScriptStep's first kind is `local`; its compute is more likely a cluster.
      const kind = kinds[stepTypes[0] === "PythonScriptStep" || !stepTypes[0] ? 1 : 0] ?? "aml_cluster";
      compute = placeholderCompute(c.name, kind, c.source);
      report.push({
        construct: `compute "${c.name}"`,
        status: "review",
        why: `no attach spec in the YAML; written as ${kind} from the steps that use it (fill in its settings)`,
        at: c.source,
      });
    } else report.push({ construct: `compute "${c.name}"`, status: "clean" });
    use("compute");
    const expression = computeExpression(compute, datastoreId);
    if (expression.includes("secret.")) use("secret");
    computes.set(c.name, add(c.name, expression));
  }
  const environments = new Map<string, string>();
  for (const e of ir.environments) {
    use("environment");
    environments.set(e.name, add(e.name, environmentExpression(e)));
    const lost = e.environmentVariables && e.kind !== "conda";
    report.push({
      construct: `environment "${e.name}"`,
      status: lost ? "review" : "clean",
      ...(lost ? { why: "environment variables are kept only on conda environments" } : {}),
    });
  }
  const params = new Map<string, string>();
  for (const p of ir.parameters) {
    use("param");
    params.set(p.name, add(p.name, parameterExpression(p)));
  }

  const steps = new Map<string, string>();
  const producers = new Map<string, { step: string; output: string }>();
  for (const step of orderSteps(ir.steps)) {
    const bindings = stepBindings(step);
    const sourceExpression = (from: string): TsExpression | undefined => {
      const produced = producers.get(from);
      if (produced) return tsMember(tsMember(tsIdentifier(produced.step), "outputs"), produced.output);
      const constant = references.get(from) ?? params.get(from);
      return constant === undefined ? undefined : tsIdentifier(constant);
    };
    const sourceOf = (from: string): string | undefined => {
      const expression = sourceExpression(from);
      return expression && printExpression(expression);
    };
    const directory =
      step.sourceDirectory === undefined
        ? undefined
        : posix.relative(options.tsFileDir, step.sourceDirectory) || ".";
    const call = withKind(step, (kind, own) =>
      kind.importCall(own, {
        ...(directory !== undefined ? { sourceDirectory: directory } : {}),
        sourceOf: sourceExpression,
        datastore: (name) => tsIdentifier(datastoreId(name)),
      }),
    );
    use(call.factory);
    const chain: string[] = [
      `${call.factory}(${literal(step.key)}, ${printExpression(tsObject(call.options))})`,
    ];
    if (step.name !== step.key) chain.push(`.displayName(${literal(step.name)})`);
    if (step.compute) chain.push(`.on(${computes.get(step.compute)})`);
    if (step.environment && environments.has(step.environment))
      chain.push(`.environment(${environments.get(step.environment)})`);
    const inputs = call.chainsBindings ? step.inputs : [];
    const dropped = new Set<string>();
    let clean = true;
    for (const input of inputs) {
      const source = sourceOf(input.from);
      if (!source) {
        clean = false;
        dropped.add(input.name);
        report.push({
          construct: `step "${step.key}" input "${input.name}"`,
          status: "unsupported",
          why: `its source "${input.from}" is produced by nothing (AP201); dropped`,
          at: input.source,
        });
        continue;
      }
      const opts = objectExpression(
        literals({ bindMode: input.bindMode, pathOnCompute: input.pathOnCompute }),
      );
      chain.push(`.input(${literal(input.name)}, ${source}${opts === "{}" ? "" : `, ${opts}`})`);
    }
    for (const side of call.chainsBindings ? bindings.sideInputs : []) {
      const source = sourceOf(side.from);
      if (source) chain.push(`.sideInput(${literal(side.name)}, ${source})`);
      else dropped.add(side.name);
      if (!source)
        report.push({
          construct: `step "${step.key}" side input "${side.name}"`,
          status: "unsupported",
          why: `its source "${side.from}" is produced by nothing (AP201); dropped`,
          at: side.source,
        });
    }
    if (call.chainsBindings) {
      for (const output of step.outputs) {
        const opts = objectExpression({
          ...literals({
            destination: output.destination === `${step.key}_${output.name}` ? undefined : output.destination,
          }),
          datastore: output.datastore ? datastoreId(output.datastore) : undefined,
          ...literals({ bindMode: output.bindMode, pathOnCompute: output.pathOnCompute }),
        });
        chain.push(`.output(${literal(output.name)}${opts === "{}" ? "" : `, ${opts}`})`);
      }
    }
    for (const p of step.parameters) {
      const value = p.value.kind === "literal" ? literal(p.value.value) : params.get(p.value.parameter);
      if (value) chain.push(`.param(${literal(p.name)}, ${value})`);
      else
        report.push({
          construct: `step "${step.key}" parameter "${p.name}"`,
          status: "unsupported",
          why: "it takes an undeclared pipeline parameter (AP205); dropped",
          at: p.source,
        });
    }
    if (step.arguments.length > 0)
      chain.push(`.args(${argumentsExpression(step, dropped, (r) => (clean = clean && r))})`);
    if (step.after.length > 0)
      chain.push(`.after(${step.after.map((k) => steps.get(k) ?? literal(k)).join(", ")})`);
    if (!step.allowReuse) chain.push(".allowReuse(false)");
    for (const key of step.unknownKeys ?? [])
      report.push({
        construct: `step "${step.key}" key "${key.key}"`,
        status: "unsupported",
        why: "unknown to Azure ML (it drops it); not carried over",
        at: key.source,
      });
    const id = add(step.key, chain.join("\n"), options.stepComments?.get(step.key));
    steps.set(step.key, id);
    for (const output of bindings.outputs)
      producers.set(output.destination, { step: id, output: output.name });
    report.push({
      construct: `step "${step.key}" (${step.type})`,
      status: clean ? "clean" : "review",
      ...(clean ? {} : { why: "see the entries above" }),
    });
  }

  const pipelineChain = [`pipeline(${literal(ir.name)})`];
  if (ir.description !== undefined) pipelineChain.push(`.description(${literal(ir.description)})`);
  if (ir.defaultCompute && computes.has(ir.defaultCompute))
    pipelineChain.push(`.defaultCompute(${computes.get(ir.defaultCompute)})`);
  if (params.size > 0) pipelineChain.push(`.parameters(${[...params.values()].join(", ")})`);
  if (references.size > 0) pipelineChain.push(`.dataReferences(${[...references.values()].join(", ")})`);
  pipelineChain.push(`.steps(${[...steps.values()].join(", ")})`);
  for (const s of ir.schedules) {
    use("schedule");
    pipelineChain.push(`.schedule(${scheduleExpression(s)})`);
  }

  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const file = project.createSourceFile("pipeline.ts");
  file.addImportDeclaration({ moduleSpecifier: "@amlpipe/dsl", namedImports: [...used].sort() });
  for (const c of consts) {
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: c.name, initializer: c.init }],
      ...(c.comment
        ? {
            leadingTrivia: `${lineComment(c.comment)}\n`,
          }
        : {}),
    });
  }
  file.addExportAssignment({
    isExportEquals: false,
    expression: pipelineChain.join("\n"),
    leadingTrivia: `${docComment(ir.description ?? ir.name)}\n`,
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  const header = (options.header ?? []).map(lineComment).join("\n");
  return { text: `${header ? `${header}\n` : ""}${file.getFullText()}`, report };
}
