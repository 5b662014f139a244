import { readFileSync } from "node:fs";

/**
 * The amlpipe version, recorded in every manifest.json and printed by `--version`: read from the
 * CLI's own package.json (one small read at start-up), so it cannot drift from what is published.
 */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
