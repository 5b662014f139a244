// Writes packages/compiler/schemas/*.schema.json from the schema definitions (the single source of
// truth, in packages/compiler/src/schema/definitions) and the precompiled ajv validators
// (packages/compiler/src/schema/generated/validators.ts). Run by `pnpm build`; a test fails on drift.
// When the validators changed, compiles the compiler package again so dist/ holds the new ones.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiler = join(root, "packages/compiler");
const { SCHEMAS } = await import(join(compiler, "dist/schema/schema-registry.js"));
const { validatorSource } = await import(join(compiler, "scripts/validator-source.mjs"));

/** Writes `text` to `path` unless it already holds it; true when it wrote. */
function writeIfChanged(path, text) {
  let current;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}

for (const [name, schema] of Object.entries(SCHEMAS)) {
  writeIfChanged(join(compiler, "schemas", name), `${JSON.stringify(schema, null, 2)}\n`);
}
const generated = join(compiler, "src/schema/generated/validators.ts");
if (writeIfChanged(generated, validatorSource(SCHEMAS))) {
  console.log("write-schemas: precompiled validators changed; compiling the compiler package again");
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b", compiler], {
    stdio: "inherit",
  });
}
