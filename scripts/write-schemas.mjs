// Writes packages/compiler/schemas/*.schema.json from the schema definitions (the single source of
// truth, in packages/compiler/src/schema/definitions). Run by `pnpm build`; a test fails on drift.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { SCHEMAS } = await import(join(root, "packages/compiler/dist/schema/schema-registry.js"));
const dir = join(root, "packages/compiler/schemas");
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(SCHEMAS)) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
