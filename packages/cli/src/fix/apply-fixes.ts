import { resolve } from "node:path";
import {
  type Diagnostic,
  type FixEdit,
  tsCall,
  tsChain,
  tsIdentifier,
  tsLiteral,
  tsLiterals,
  tsMember,
  tsObject,
} from "@amlpipe/compiler";
import {
  type CallExpression,
  Node,
  type OptionalKind,
  Project,
  type SourceFile,
  SyntaxKind,
  VariableDeclarationKind,
  type VariableStatement,
  type VariableStatementStructure,
} from "ts-morph";
import { printExpression } from "../import/print-expression.js";

/** What `--fix` did with one fix. */
export interface FixOutcome {
  readonly file: string;
  readonly line: number;
  readonly applied: boolean;
  readonly description: string;
}

type CopyEdit = Extract<FixEdit, { kind: "copy_before_adla" }>;

const identifier = (text: string) => text.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(\d)/, "_$1");

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
 * AP301's fix: before the statement that builds the AdlaStep, a DataTransferStep copies the input's
 * source to the ADLA account's default datastore (on the file's Data Factory compute, or a new one
 * to fill in), and the AdlaStep reads the copy.
 */
function applyCopyBeforeAdla(file: SourceFile, edit: CopyEdit): boolean {
  const call = inputCall(file, edit.line, edit.input);
  const source = call?.getArguments()[1];
  const statement = call?.getFirstAncestorByKind(SyntaxKind.VariableStatement) as
    | VariableStatement
    | undefined;
  if (!call || !source || !statement) return false;
  // The copy reads what the AdlaStep read; the AdlaStep then reads the copy.
  const sourceText = source.getText();
  const words = edit.datastore.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const copy = `${identifier(sourceText)}On${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("")}`;
  source.replaceWithText(printExpression(tsMember(tsMember(tsIdentifier(copy), "outputs"), "destination")));
  const imports = ["dataTransferStep"];
  const existingStore = constCalling(file, /datastore\.\w+\(/, edit.datastore);
  const store = existingStore
    ? tsIdentifier(existingStore)
    : tsCall(tsMember(tsIdentifier("datastore"), "adlsGen1"), tsLiteral(edit.datastore));
  if (!existingStore) imports.push("datastore");
  let factory = constCalling(file, /compute\.dataFactory\(/);
  const index = statement.getChildIndex();
  const inserts: OptionalKind<VariableStatementStructure>[] = [];
  if (!factory) {
    factory = "dataFactory";
    imports.push("compute");
    inserts.push({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: factory,
          initializer: printExpression(
            tsCall(
              tsMember(tsIdentifier("compute"), "dataFactory"),
              tsLiteral("adf-compute"),
              tsObject(tsLiterals({ resourceGroup: "TODO", factoryName: "TODO" })),
            ),
          ),
        },
      ],
      leadingTrivia: "// amlpipe --fix: DataTransferStep runs on Azure Data Factory; fill in your factory.\n",
    });
  }
  const copyStep = tsChain(
    tsCall(
      tsIdentifier("dataTransferStep"),
      tsLiteral(`copy_${edit.input}_to_${edit.datastore}`),
      tsObject({ from: { kind: "verbatim", text: sourceText }, to: tsObject({ datastore: store }) }),
    ),
    [["on", tsIdentifier(factory)]],
  );
  inserts.push({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: copy, initializer: printExpression(copyStep) }],
    leadingTrivia:
      "// amlpipe --fix (AP301): U-SQL can only read the ADLA account's default store, so copy the data there first.\n",
  });
  file.insertVariableStatements(index, inserts);
  ensureImports(file, imports);
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
    .filter((e): e is { edit: CopyEdit; description: string } => e.edit.kind === "copy_before_adla")
    .sort((a, b) =>
      a.edit.file === b.edit.file ? b.edit.line - a.edit.line : a.edit.file.localeCompare(b.edit.file),
    );
  const touched = new Set<SourceFile>();
  for (const { edit, description } of edits) {
    const file =
      project.getSourceFile(resolve(root, edit.file)) ??
      project.addSourceFileAtPath(resolve(root, edit.file));
    const applied = applyCopyBeforeAdla(file, edit);
    if (applied) touched.add(file);
    outcomes.push({ file: edit.file, line: edit.line, applied, description });
  }
  for (const file of touched) await file.save();
  return outcomes;
}
