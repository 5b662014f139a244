import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A real process: --fix re-imports the edited module, which node's loader (unlike vitest's) reloads.
const bin = new URL("../dist/bin.js", import.meta.url).pathname;
async function runCliCaptured(argv: string[]) {
  const result = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8" });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const scratch = new URL("../.tmp/fix/", import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });

describe("amlpipe validate --fix", () => {
  it("given an AdlaStep reading blob data (AP301), reads the same path on the default store (with the copy to do) and the pipeline then validates", async () => {
    const file = join(scratch, "adla.pipeline.ts");
    copyFileSync(new URL("./fixtures/fix/adla-without-copy.pipeline.ts", import.meta.url), file);
    const before = await runCliCaptured(["validate", file, "--json"]);
    expect(JSON.parse(before.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain("AP301");

    const fixed = await runCliCaptured(["validate", file, "--fix"]);
    expect(fixed.stderr).toContain("fixed");
    expect(fixed.code, fixed.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    // A v1 pipeline cannot order the AdlaStep after a copy (AP212): the fix reads the data where U-SQL
    // can, and says the copy is to be done first.
    expect(text).toContain('.input("log", lake.path("logs/search.tsv", { name: "log_on_adls_default" }))');
    expect(text).toContain(
      '// amlpipe --fix (AP301): U-SQL reads only "adls_default": copy logs/search.tsv there',
    );
    expect(text).not.toContain("dataTransferStep");

    const compiled = await runCliCaptured(["compile", file, "-o", join(scratch, "out"), "--json"]);
    expect(compiled.code, compiled.stderr).toBe(0);
    const yaml = readFileSync(join(scratch, "out", "adla-fix", "pipeline.yaml"), "utf8");
    expect(yaml).toContain("source: log_on_adls_default");
    expect(yaml).toMatch(
      /log_on_adls_default:\n\s+datastore: adls_default\n\s+path_on_datastore: logs\/search.tsv/,
    );
  });
});
