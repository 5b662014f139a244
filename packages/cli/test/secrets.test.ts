import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const CANARY = "dapi0123456789abcdef0123456789abcdef";

function allText(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

describe("secrets", () => {
  it("given a token written inline, compile fails with AP500 and the canary appears in no file or output", async () => {
    const out = mkdtempSync(join(tmpdir(), "amlpipe-secret-"));
    for (const format of ["human", "json", "github"]) {
      const run = await runCliCaptured([
        "compile",
        "fixtures/inline-secret.pipeline.ts",
        "-o",
        out,
        "--format",
        format,
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain("AP500");
      expect(run.stdout + run.stderr).not.toContain(CANARY);
    }
    expect(allText(out)).not.toContain(CANARY);
  });

  it("given secrets as env references with the canary in the environment, compiled files hold only the reference", async () => {
    const out = mkdtempSync(join(tmpdir(), "amlpipe-secret-"));
    const run = await runCliCaptured(["compile", "../../compiler/test/fixtures/every-kind.ts", "-o", out], {
      env: { DATABRICKS_TOKEN: CANARY, HDI_PASSWORD: CANARY },
    });
    expect(run.code).toBe(0);
    const text = allText(out);
    expect(text).toContain("DATABRICKS_TOKEN");
    expect(text).not.toContain(CANARY);
    expect(run.stdout + run.stderr).not.toContain(CANARY);
  });
});
