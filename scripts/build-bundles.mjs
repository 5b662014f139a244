// Writes the bundles tsdown makes from the packages' sources, after tsc -b (run by `pnpm build`):
//
// - The CommonJS build (dist/index.cjs and its types, dist/index.d.cts) of the packages a test
//   runner in CommonJS mode loads: @amlpipe/dsl, @amlpipe/compiler and @amlpipe/testing. Jest's
//   default setup `require()`s packages through its own module loader, which cannot load ES
//   modules, so an ESM-only @amlpipe/testing fails there (../shared/audits/ecosystem.md, 5c).
// - The ES module bundle of @amlpipe/compiler (dist/bundle/index.js), which its package.json
//   exports for `import`: Node loads one file instead of the 170 modules tsc writes, which took
//   about 50 ms of every command that compiles or reads YAML (issue 20). A second entry,
//   dist/bundle/lowering.js (`@amlpipe/compiler/lowering`), is what the CLI's loader worker loads:
//   lowering and the rules, in a chunk both entries share, without the readers, emitters and
//   schema validators. tsc's dist/ stays for the types and the source maps of the modules.
//
// Both keep every dependency (the other @amlpipe packages included) an import, so one copy of
// each package is loaded. A bundle newer than the package's tsc output is not built again.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLES = [
  ...["dsl", "compiler", "testing"].map((name) => ({
    name,
    format: "cjs",
    outDir: "dist",
    files: ["index.cjs", "index.d.cts"],
  })),
  {
    name: "compiler",
    format: "esm",
    outDir: "dist/bundle",
    entry: ["src/index.ts", "src/lowering.ts"],
    files: ["bundle/index.js", "bundle/lowering.js"],
  },
];

/** The newest modification time of tsc's output under `dist` (the bundles' own files aside). */
function newestModuleTime(dist) {
  let newest = 0;
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (
      !entry.isFile() ||
      !/\.(js|d\.ts)$/.test(entry.name) ||
      entry.parentPath.startsWith(join(dist, "bundle"))
    )
      continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when a bundle's files are missing or older than the package's tsc output. */
function isStale(bundle) {
  const dist = join(root, "packages", bundle.name, "dist");
  try {
    const built = Math.min(...bundle.files.map((file) => statSync(join(dist, file)).mtimeMs));
    return built < newestModuleTime(dist);
  } catch {
    return true;
  }
}

const stale = BUNDLES.filter(isStale);
if (stale.length > 0) {
  const { build } = await import("tsdown");
  await Promise.all(
    stale.map((bundle) =>
      build({
        cwd: join(root, "packages", bundle.name),
        config: false,
        entry: bundle.entry ?? ["src/index.ts"],
        format: bundle.format,
        outDir: bundle.outDir,
        // `.js` and `.cjs`, as the package.json exports name them.
        fixedExtension: false,
        // The ES module bundle's folder is its own (its shared chunk's name changes with its content).
        clean: bundle.outDir === "dist/bundle",
        dts: bundle.format === "cjs",
        // import.meta.url (the DSL's frame filter) becomes the CommonJS file's own URL.
        shims: bundle.format === "cjs",
        tsconfig: "tsconfig.json",
        logLevel: "warn",
        // rolldown's hint that type generation takes most of the build time is not actionable here.
        inputOptions: { checks: { pluginTimings: false } },
      }),
    ),
  );
}
