import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliReference } from "../src/index.js";

describe("docs/cli.md", () => {
  it("given the CLI, the reference page is its own --help output (node scripts/cli-docs.mjs regenerates it)", () => {
    expect(readFileSync(new URL("../../../docs/cli.md", import.meta.url), "utf8")).toBe(cliReference());
  });
});
