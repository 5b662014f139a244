import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

describe("amlpipe validate on YAML", () => {
  it("given a YAML with three different mistakes, reports all three with their lines in one pass", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-validate-"));
    const lines = [
      "pipeline:", //                                   1
      "  name: three-mistakes", //                      2
      "  default_compute: cpu-cluster", //              3
      "  steps:", //                                    4
      "    train:", //                                  5
      "      type: PythonScriptStep", //                6
      "      script_name: train.py", //                 7
      "      compute_target: gpu-cluster", //           8  unknown key (AP102)
      "      allow_reuse: maybe", //                    9  not a boolean (AP101)
      "      inputs:", //                               10
      "        data:", //                               11
      "          source: never_produced", //            12 nothing produces it (AP201)
    ];
    writeFileSync(join(dir, "pipeline.yaml"), `${lines.join("\n")}\n`);
    const run = await runCliCaptured(["validate", "pipeline.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as {
      diagnostics: { code: string; at: { line: number } }[];
    };
    const found = diagnostics.map((d) => `${d.code}@${d.at.line}`);
    expect(found).toEqual(expect.arrayContaining(["AP102@8", "AP101@9", "AP201@11"]));
  });

  it("given --format github, prints one workflow annotation per diagnostic", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-validate-"));
    writeFileSync(
      join(dir, "p.yaml"),
      "pipeline:\n  steps:\n    a:\n      type: PythonScriptStep\n      script_name: a.py\n      inputs:\n        x: {source: nope}\n",
    );
    const run = await runCliCaptured(["validate", "p.yaml", "--format", "github"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=p\.yaml,line=7,col=\d+,title=AP201[^:]*::/m);
  });
});
