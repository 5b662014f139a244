import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, hasErrors } from "../src/index.js";

describe("diagnostic catalogue", () => {
  it("given the catalogue, every code is AP followed by three digits", () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(code).toMatch(/^AP\d{3}$/);
  });
  it("given a warning only, hasErrors is false; given an error, true", () => {
    expect(hasErrors([{ code: "AP202", severity: "warning", message: "w" }])).toBe(false);
    expect(hasErrors([{ code: "AP200", severity: "error", message: "e" }])).toBe(true);
  });
});

describe("rules documentation", () => {
  it("given the catalogue, every code has its docs/rules page, listed in the index", async () => {
    const { existsSync, readFileSync } = await import("node:fs");
    const docs = new URL("../../../docs/rules/", import.meta.url);
    const index = readFileSync(new URL("README.md", docs), "utf8");
    for (const code of Object.keys(DIAGNOSTIC_CODES)) {
      expect(existsSync(new URL(`${code}.md`, docs)), code).toBe(true);
      expect(index).toContain(`(${code}.md)`);
    }
  });
});
