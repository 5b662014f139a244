import { resolve } from "node:path";
import {
  type Diagnostic,
  type FixEdit,
  tsCall,
  tsIdentifier,
  tsLiteral,
  tsLiterals,
  tsMember,
  tsObject,
} from "@amlpipe/compiler";
import {
  type CallExpression,
  Node,
  Project,
  type SourceFile,
  SyntaxKind,
  type VariableStatement,
} from "ts-morph";
import { printExpression } from "../import/print-expression.js";

/** What `--fix` did with one fix. */
export interface FixOutcome {
  readonly file: string;
  readonly line: number;
  readonly applied: boolean;
  readonly description: string;
}

type StoreEdit = Extract<FixEdit, { kind: "read_from_store" }>;

const _identifier = (text: string) => text.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(\d)/, "_$1");

/** The name of a `const` whose initializer calls `<factory>("<name>"...`, if the file has one. */
function constCalling(file: SourceFile, factory: RegExp, name?: string): string | undefined {
  for (const declaration of file.getVariableDeclarations()) {
    const init = declaration.getInitializer()?.getText() ?? "";
    if (factory.test(init) && (name === undefined || init.includes(JSON.stringify(name))))
      return declaration.getName();
  }
  return undefined;
}

function ensureImports(file: SourceFile, names: readonly string[]): void {
  const declaration = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === "@amlpipe/dsl");
  if (!declaration) {
    file.insertImportDeclaration(0, { moduleSpecifier: "@amlpipe/dsl", namedImports: [...names] });
    return;
  }
  const have = new Set(declaration.getNamedImports().map((n) => n.getName()));
  for (const name of names) if (!have.has(name)) declaration.addNamedImport(name);
}

/** The `.input("<name>", source)` call on `line`. */
function inputCall(file: SourceFile, line: number, input: string): CallExpression | undefined {
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
    const callee = call.getExpression();
    const [first] = call.getArguments();
    return (
      Node.isPropertyAccessExpression(callee) &&
      callee.getName() === "input" &&
      callee.getNameNode().getStartLineNumber() === line &&
      Node.isStringLiteral(first) &&
      first.getLiteralValue() === input
    );
  });
}

/**
 * AP301's fix: the AdlaStep's input reads the same path on the ADLA account's default datastore (the
 * file's const for it, or a new one), with a comment saying the data must be copied there first.
 */
function applyReadFromStore(file: SourceFile, edit: StoreEdit): boolean {
  const call = inputCall(file, edit.line, edit.input);
  const source = call?.getArguments()[1];
  if (!call || !source) return false;
  const existingStore = constCalling(file, /datastore\.\w+\(/, edit.datastore);
  const store = existingStore
    ? tsIdentifier(existingStore)
    : tsCall(tsMember(tsIdentifier("datastore"), "adlsGen1"), tsLiteral(edit.datastore));
  const onStore = tsCall(
    tsMember(store, "path"),
    tsLiteral(edit.path),
    tsObject(tsLiterals({ name: edit.reference })),
  );
  source.replaceWithText(printExpression(onStore));
  const statement = call.getFirstAncestorByKind(SyntaxKind.VariableStatement) as
    | VariableStatement
    | undefined;
  if (statement)
    file.insertStatements(statement.getChildIndex(), [
      `// amlpipe --fix (AP301): U-SQL reads only "${edit.datastore}": copy ${edit.path} there before this pipeline runs`,
      "// (a DataTransferStep in an earlier pipeline: a v1 pipeline cannot order a step after a copy).",
    ]);

  if (!existingStore) ensureImports(file, ["datastore"]);
  return true;
}

/**
 * Applies the mechanical fixes of diagnostics to the user's TypeScript files with ts-morph (an
 * AST edit, not text patching), bottom-up per file so earlier lines keep their numbers.
 */
export async function applyFixes(diagnostics: readonly Diagnostic[], root: string): Promise<FixOutcome[]> {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  const outcomes: FixOutcome[] = [];
  const edits = diagnostics
    .flatMap((d) =>
      d.fix ? d.fix.edits.map((edit) => ({ edit, description: d.fix?.description ?? "" })) : [],
    )
    .filter((e): e is { edit: StoreEdit; description: string } => e.edit.kind === "read_from_store")
    .sort((a, b) =>
      a.edit.file === b.edit.file ? b.edit.line - a.edit.line : a.edit.file.localeCompare(b.edit.file),
    );
  const touched = new Set<SourceFile>();
  for (const { edit, description } of edits) {
    const file =
      project.getSourceFile(resolve(root, edit.file)) ??
      project.addSourceFileAtPath(resolve(root, edit.file));
    const applied = applyReadFromStore(file, edit);
    if (applied) touched.add(file);
    outcomes.push({ file: edit.file, line: edit.line, applied, description });
  }
  for (const file of touched) await file.save();
  return outcomes;
}
