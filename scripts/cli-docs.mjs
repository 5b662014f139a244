// Writes docs/cli.md from the CLI's own --help texts, so the reference cannot drift from the code
// (a test compares them). Run after `pnpm build`: node scripts/cli-docs.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { cliReference } = await import(join(root, "packages/cli/dist/cli-reference.js"));
writeFileSync(join(root, "docs/cli.md"), cliReference());
