import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../..", import.meta.url).pathname;
const PACKAGES = ["cli", "compiler", "dsl", "runtime", "testing"];
const manifest = (name: string) =>
  JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));

/** Text files whose imports are the user's, not the package's: the files `amlpipe init` writes. */
const TEMPLATES = new Set(["scaffold-files.ts"]);

/** Every TypeScript source text of a package's src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts") && !TEMPLATES.has(entry.name)
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

/** The packages a source imports (static, dynamic and type imports), by package name. */
function importedPackages(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"'./][^"']*)["']/g)) {
    const specifier = match[1] as string;
    // Builtins, and placeholders of generated code (`${name}`) that only look like imports.
    if (specifier.startsWith("node:") || builtinModules.includes(specifier) || !/^[@a-z0-9]/.test(specifier))
      continue;
    const parts = specifier.split("/");
    names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string));
  }
  return names;
}

/** The packages a CommonJS test (Jest's default setup) loads: a pipeline's and the test helpers'. */
const COMMONJS = new Set(["dsl", "compiler", "testing"]);

/** A CommonJS test of a pipeline, as a Jest user without ESM mode writes one. */
const JEST_TEST = `const { compute, datastore, pipeline, pythonScriptStep } = require("@amlpipe/dsl");
const { assertValid, synth } = require("@amlpipe/testing");

test("a CommonJS test builds and compiles a pipeline", () => {
  const store = datastore.blob("workspaceblobstore");
  const cpu = compute.amlCluster("cpu-cluster", { maxNodes: 2 });
  const prepare = pythonScriptStep("prepare", { script: "prepare.py", sourceDirectory: "../steps" })
    .on(cpu)
    .input("raw", store.path("raw/sample.csv", { name: "raw_data" }))
    .output("clean")
    .args(({ inputs, outputs }) => ["--raw", inputs.raw, "--out", outputs.clean]);
  const result = synth(pipeline("cjs-check").steps(prepare));
  assertValid(result);
  expect(result.step("prepare").compute).toBe("cpu-cluster");
  expect(result.yaml).toContain("script_name: prepare.py");
  // Positions come from the test's own line, through the CommonJS build's frame filter.
  expect(result.step("prepare").source).toMatchObject({ file: "jest/pipeline.test.cjs", line: 7 });
});
`;

/**
 * Jest's default setup (no config: babel-jest, CommonJS, its own module loader) runs a test that
 * require()s the installed @amlpipe packages; an ES-module-only package fails it with "Must use
 * import to load ES Module".
 */
function expectJestLoadsTheTarballs(project: string): void {
  mkdirSync(join(project, "jest"));
  writeFileSync(join(project, "jest", "pipeline.test.cjs"), JEST_TEST);
  const jest = spawnSync(
    process.execPath,
    [join(root, "node_modules/jest/bin/jest.js"), "--ci", "--rootDir", project, "jest/"],
    { cwd: project, encoding: "utf8" },
  );
  expect(jest.status, `${jest.stdout}\n${jest.stderr}`).toBe(0);
  expect(jest.stderr).toContain("1 passed");
}

/**
 * arethetypeswrong (the ecosystem's checker of package types) resolves each tarball as TypeScript
 * does for CommonJS and ES module importers under node10, node16 and bundler resolution.
 */
function expectTypesResolveEverywhere(tarballs: readonly string[]): void {
  for (const tarball of tarballs) {
    const attw = spawnSync(
      process.execPath,
      [join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "json"],
      { encoding: "utf8" },
    );
    const report = JSON.parse(attw.stdout);
    // Before the CommonJS build: { CJSResolvesToESM: [...] } for node16 from CommonJS.
    expect(report.problems, tarball).toEqual({});
    expect(attw.status, tarball).toBe(0);
  }
}

describe("packages ready to publish", () => {
  it.each(PACKAGES)(
    "given @amlpipe/%s, it has a README, a LICENSE, repository, engines and types",
    (name) => {
      const pkg = manifest(name);
      expect(existsSync(join(root, "packages", name, "README.md"))).toBe(true);
      expect(readFileSync(join(root, "packages", name, "LICENSE"), "utf8")).toContain("MIT License");
      expect(pkg.repository).toMatchObject({ type: "git", directory: `packages/${name}` });
      expect(pkg.engines.node).toMatch(/^>=20/);
      expect(existsSync(join(root, "packages", name, pkg.types))).toBe(true);
    },
  );

  it.each(PACKAGES)("given @amlpipe/%s, it depends on exactly what its sources import", (name) => {
    const pkg = manifest(name);
    const imported = new Set(
      sources(join(root, "packages", name, "src")).flatMap((t) => [...importedPackages(t)]),
    );
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    expect([...imported].filter((d) => !declared.has(d)).sort(), "imported, not declared").toEqual([]);
    // Peers are optional extras (azurite); a declared dependency nothing imports is dead weight.
    expect(
      Object.keys(pkg.dependencies ?? {})
        .filter((d) => !imported.has(d))
        .sort(),
      "declared, not imported",
    ).toEqual([]);
  });

  it("given the packed tarballs, a project made by amlpipe init outside the repository installs them and its validate, compile, start and test scripts pass", () => {
    const packs = mkdtempSync(join(tmpdir(), "amlpipe-packs-"));
    execFileSync(
      "npx",
      ["--yes", "pnpm@10.34.8", "-r", "--filter", "./packages/*", "pack", "--pack-destination", packs],
      {
        cwd: root,
        stdio: "ignore",
      },
    );
    const tarball = (name: string) => join(packs, `amlpipe-${name}-${manifest(name).version}.tgz`);
    for (const name of PACKAGES) {
      const listed = execFileSync("tar", ["-tzf", tarball(name)], { encoding: "utf8" });
      expect(listed, name).toContain("package/README.md");
      expect(listed, name).toContain("package/LICENSE");
    }
    const project = join(mkdtempSync(join(tmpdir(), "amlpipe-user-")), "team-pipelines");
    execFileSync(process.execPath, [join(root, "packages/cli/dist/bin.js"), "init", project], {
      stdio: "ignore",
    });
    // Not published yet: the project's @amlpipe/* come from the tarballs, everything else from npm.
    const pkg = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
    const local = Object.fromEntries(PACKAGES.map((name) => [`@amlpipe/${name}`, `file:${tarball(name)}`]));
    for (const dep of Object.keys(pkg.devDependencies)) if (local[dep]) pkg.devDependencies[dep] = local[dep];
    pkg.overrides = local;
    writeFileSync(join(project, "package.json"), JSON.stringify(pkg, null, 2));
    const npm = (...args: string[]) => spawnSync("npm", args, { cwd: project, encoding: "utf8" });
    const install = npm("install", "--no-audit", "--no-fund");
    expect(install.status, install.stderr).toBe(0);
    for (const script of ["validate", "compile", "start", "test"]) {
      const run = npm("run", script);
      expect(run.status, `${script}: ${run.stdout}\n${run.stderr}`).toBe(0);
    }
    expect(existsSync(join(project, "out", "team-pipelines", "pipeline.yaml"))).toBe(true);
    // The editor settings init writes name files that the install put there.
    const settings = JSON.parse(readFileSync(join(project, ".vscode", "settings.json"), "utf8"));
    for (const schema of Object.keys(settings["yaml.schemas"]))
      expect(existsSync(join(project, schema)), schema).toBe(true);
    expect(existsSync(join(project, settings["typescript.tsdk"]))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(project, ".vscode", "extensions.json"), "utf8")).recommendations,
    ).toEqual(["redhat.vscode-yaml"]);
    expectJestLoadsTheTarballs(project);
    expectTypesResolveEverywhere(PACKAGES.filter((name) => COMMONJS.has(name)).map(tarball));
  }, 300_000);
});
