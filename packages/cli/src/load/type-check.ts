import { dirname, relative, resolve, sep } from "node:path";
import { type Diagnostic, diagnostic } from "@amlpipe/compiler";

/** The TypeScript compiler API (the copy ts-morph ships with its lib files, so amlpipe adds none). */
type TypeScript = typeof import("@ts-morph/common").ts;

/**
 * Compiler options for a module with no tsconfig.json above it: what `amlpipe init` writes (strict,
 * Node's own module resolution), so a stray file is checked as a new project would check it.
 */
function defaultOptions(ts: TypeScript): import("@ts-morph/common").ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    allowJs: true,
  };
}

/**
 * The compiler options of the tsconfig.json nearest above `file` that includes it, or undefined when
 * there is none (a solution-style tsconfig with `"files": []` governs no file, as in editors).
 */
function projectOptions(
  ts: TypeScript,
  file: string,
  root: string,
): { config: string; options: import("@ts-morph/common").ts.CompilerOptions } | Diagnostic | undefined {
  const config = ts.findConfigFile(dirname(file), ts.sys.fileExists, "tsconfig.json");
  if (!config) return undefined;
  const read = ts.readConfigFile(config, ts.sys.readFile);
  if (read.error) return fromTs(ts, read.error, root);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(config), undefined, config);
  if (!parsed.fileNames.map((name) => resolve(name)).includes(file)) return undefined;
  return { config, options: parsed.options };
}

/** A TypeScript diagnostic as amlpipe's AP905, at its file and line (relative to `root`). */
function fromTs(ts: TypeScript, d: import("@ts-morph/common").ts.Diagnostic, root: string): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return diagnostic("AP905", `TS${d.code}: ${text}`, {
    ...(d.file && where
      ? {
          at: {
            file: relative(root, d.file.fileName).split(sep).join("/"),
            line: where.line + 1,
            col: where.character + 1,
          },
        }
      : {}),
    hint: "fix the type error (tsc reports the same); --no-typecheck skips this check",
  });
}

/**
 * A compiler host on the real file system that serves TypeScript's lib files (`lib.es2022.d.ts`, ...)
 * from ts-morph's copy: the compiler looks for them beside a typescript package that may not exist.
 * Programs made through it read package.json files as tsc does, so an ES module is checked as one.
 */
function hostWithLibs(
  ts: TypeScript,
  options: import("@ts-morph/common").ts.CompilerOptions,
  libFolder: string,
  libs: ReadonlyMap<string, string>,
): import("@ts-morph/common").ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.getDefaultLibLocation = () => libFolder;
  host.getDefaultLibFileName = (o) => `${libFolder}/${ts.getDefaultLibFileName(o)}`;
  host.fileExists = (name) => libs.has(name) || fileExists.call(host, name);
  host.readFile = (name) => libs.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const lib = libs.get(name);
    return lib !== undefined
      ? ts.createSourceFile(name, lib, language)
      : getSourceFile.call(host, name, language, ...rest);
  };
  return host;
}

/**
 * Type-checks the user's pipeline modules with TypeScript's compiler API, under the tsconfig.json
 * nearest above each that includes it (the defaults `amlpipe init` writes where there is none), and
 * returns every error in the user's own files (not in declaration files or node_modules) as AP905
 * at its line. Modules under one tsconfig are checked as one program.
 */
export async function typeCheckModules(files: readonly string[], root: string): Promise<Diagnostic[]> {
  if (files.length === 0) return [];
  const { getLibFiles, libFolderInMemoryPath, ts } = await import("@ts-morph/common");
  const libs = new Map(getLibFiles().map((f) => [`${libFolderInMemoryPath}/${f.fileName}`, f.text]));
  const groups = new Map<
    string,
    { options: import("@ts-morph/common").ts.CompilerOptions; files: string[] }
  >();
  const out: Diagnostic[] = [];
  for (const file of files.map((f) => resolve(root, f))) {
    const project = projectOptions(ts, file, root);
    if (project && "code" in project) {
      out.push(project);
      continue;
    }
    const key = project?.config ?? "";
    const group = groups.get(key) ?? { options: project?.options ?? defaultOptions(ts), files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  for (const { options: given, files: rootFiles } of groups.values()) {
    const options = { ...given, noEmit: true };
    const host = hostWithLibs(ts, options, libFolderInMemoryPath, libs);
    const program = ts.createProgram({ rootNames: rootFiles, options, host });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const name = d.file?.fileName;
      if (name && (d.file?.isDeclarationFile || name.split(/[\\/]/).includes("node_modules"))) continue;
      out.push(fromTs(ts, d, root));
    }
  }
  return out;
}
