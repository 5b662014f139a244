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
  it("given an AdlaStep reading blob data (AP301), inserts a DataTransferStep to the default store and the pipeline then validates", async () => {
    const file = join(scratch, "adla.pipeline.ts");
    copyFileSync(new URL("./fixtures/fix/adla-without-copy.pipeline.ts", import.meta.url), file);
    const before = await runCliCaptured(["validate", file, "--json"]);
    expect(JSON.parse(before.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain("AP301");

    const fixed = await runCliCaptured(["validate", file, "--fix"]);
    expect(fixed.stderr).toContain("fixed");
    expect(fixed.code, fixed.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(
      'dataTransferStep("copy_log_to_adls_default", { from: logs, to: { datastore: lake } })',
    );
    expect(text).toContain('.input("log", logsOnAdlsDefault.outputs.destination)');
    expect(text).toMatch(/import \{[^}]*dataTransferStep[^}]*\} from "@amlpipe\/dsl"/);

    const compiled = await runCliCaptured(["compile", file, "-o", join(scratch, "out"), "--json"]);
    expect(compiled.code, compiled.stderr).toBe(0);
    const yaml = readFileSync(join(scratch, "out", "adla-fix", "pipeline.yaml"), "utf8");
    expect(yaml).toContain("type: DataTransferStep");
    expect(yaml).toContain("source: copy_log_to_adls_default_destination");
  });
});
