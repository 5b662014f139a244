import {
  type PipelineIR,
  type TsExpression,
  tsCall,
  tsChain,
  tsIdentifier,
  tsLiteral,
} from "@amlpipe/compiler";
import { IndentationText, Project, QuoteKind, VariableDeclarationKind } from "ts-morph";
import { docComment, lineComment } from "./comment-text.js";
import { scheduleExpression } from "./constructor-expressions.js";
import {
  declareComputes,
  declareDatastores,
  declareEnvironmentsAndParameters,
  declareReferences,
} from "./declare-resources.js";
import { declareSteps } from "./declare-steps.js";
import type { FidelityEntry } from "./fidelity.js";
import { GenerationState } from "./generation-state.js";
import { printExpression } from "./print-expression.js";
import { trainingRunExpression } from "./training-run-expression.js";

/** Options of {@link generatePipelineSource}. */
export interface GenerateOptions {
  /** Folder of the TypeScript file to write, relative to the root (source directories are made relative to it). */
  readonly tsFileDir: string;
  /** Comment lines for the top of the file (e.g. the YAML's own header comment). */
  readonly header?: readonly string[];
  /** Comments that stood above each step in the YAML, by step key. */
  readonly stepComments?: ReadonlyMap<string, string>;
}

/** The default export: `pipeline(name)` with its description, default compute, parameters and steps. */
function pipelineExpression(ir: PipelineIR, state: GenerationState): TsExpression {
  const ids = (names: Iterable<string>) => [...names].map(tsIdentifier);
  state.use("pipeline");
  const calls: [string, ...TsExpression[]][] = [];
  if (ir.description !== undefined) calls.push(["description", tsLiteral(ir.description)]);
  const defaultCompute = ir.defaultCompute && state.computes.get(ir.defaultCompute);
  if (defaultCompute) calls.push(["defaultCompute", tsIdentifier(defaultCompute)]);
  if (state.params.size > 0) calls.push(["parameters", ...ids(state.params.values())]);
  if (state.references.size > 0) calls.push(["dataReferences", ...ids(state.references.values())]);
  calls.push(["steps", ...ids(state.steps.values())]);
  for (const s of ir.schedules) {
    state.use("schedule");
    calls.push(["schedule", scheduleExpression(s)]);
  }
  return tsChain(tsCall(tsIdentifier("pipeline"), tsLiteral(ir.name)), calls);
}

/** The consts and the default export as one formatted TypeScript file, built with ts-morph. */
function printSourceFile(
  ir: PipelineIR,
  state: GenerationState,
  exported: TsExpression,
  header: readonly string[],
): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const file = project.createSourceFile("pipeline.ts");
  file.addImportDeclaration({ moduleSpecifier: "@amlpipe/dsl", namedImports: [...state.used].sort() });
  // All in one insertion: ts-morph reparses the file at every manipulation, so adding the statements
  // one by one was quadratic in steps (42 s for 1,000).
  file.addVariableStatements(
    state.consts.map((c) => ({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: c.name, initializer: printExpression(c.init) }],
      ...(c.comment ? { leadingTrivia: `${lineComment(c.comment)}\n` } : {}),
    })),
  );
  file.addExportAssignment({
    isExportEquals: false,
    expression: printExpression(exported),
    leadingTrivia: `${docComment(ir.description ?? ir.name)}\n`,
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  const top = header.map(lineComment).join("\n");
  return `${top ? `${top}\n` : ""}${file.getFullText()}`;
}

/**
 * Writes idiomatic DSL code for an IR pipeline: named constants for datastores, data references,
 * computes, environments and parameters, one chained builder per step, a default export. Each part is
 * an expression structure (kinds/ts-expression.ts), printed from a TypeScript AST. Returns the
 * formatted text and a fidelity report of what came across cleanly, what needs review and what the
 * DSL cannot express.
 */
export function generatePipelineSource(
  ir: PipelineIR,
  options: GenerateOptions,
): { text: string; report: FidelityEntry[] } {
  const state = new GenerationState();
  declareDatastores(ir, state);
  declareReferences(ir, state, options.tsFileDir);
  declareComputes(ir, state);
  declareEnvironmentsAndParameters(ir, state);
  // A training run is one scriptRun value; a pipeline, its steps and the pipeline that holds them.
  if (!ir.trainingRun) declareSteps(ir, state, options.tsFileDir, options.stepComments);
  const exported = ir.trainingRun
    ? trainingRunExpression(ir, state, options.tsFileDir)
    : pipelineExpression(ir, state);
  return { text: printSourceFile(ir, state, exported, options.header ?? []), report: state.report };
}
