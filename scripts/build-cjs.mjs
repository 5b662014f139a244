// Writes the CommonJS build (dist/index.cjs and its types, dist/index.d.cts) of the packages a test
// runner in CommonJS mode loads: @amlpipe/dsl, @amlpipe/compiler and @amlpipe/testing. Jest's default
// setup `require()`s packages through its own module loader, which cannot load ES modules, so an
// ESM-only @amlpipe/testing fails there (../shared/audits/ecosystem.md, section 5c). tsc -b stays the
// ES module build; tsdown bundles each package's own files into one CommonJS file and keeps every
// dependency (the other @amlpipe packages included) a require(), so a CommonJS test loads one copy
// of each package. Run by `pnpm build` after tsc -b; a package whose dist/ is older than its
// CommonJS file is skipped.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGES = ["dsl", "compiler", "testing"];

/** The newest modification time of the ES module build's files under `folder`. */
function newestModuleTime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|d\.ts)$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the package's CommonJS files are missing or older than its ES module build. */
function isStale(packageFolder) {
  const dist = join(packageFolder, "dist");
  try {
    const built = Math.min(
      statSync(join(dist, "index.cjs")).mtimeMs,
      statSync(join(dist, "index.d.cts")).mtimeMs,
    );
    return built < newestModuleTime(dist);
  } catch {
    return true;
  }
}

const stale = PACKAGES.map((name) => join(root, "packages", name)).filter(isStale);
if (stale.length > 0) {
  const { build } = await import("tsdown");
  await Promise.all(
    stale.map((cwd) =>
      build({
        cwd,
        config: false,
        entry: ["src/index.ts"],
        format: "cjs",
        outDir: "dist",
        clean: false,
        dts: true,
        // import.meta.url (the DSL's frame filter) becomes the CommonJS file's own URL.
        shims: true,
        tsconfig: "tsconfig.json",
        logLevel: "warn",
        // rolldown's hint that type generation takes most of the build time is not actionable here.
        inputOptions: { checks: { pluginTimings: false } },
      }),
    ),
  );
}
