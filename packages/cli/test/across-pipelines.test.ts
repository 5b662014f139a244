import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

// Inside the package, so `@amlpipe/dsl` resolves for the loader and for the type check.
const dir = new URL("../.tmp/across-pipelines/", import.meta.url).pathname;

/** A pipeline attaching the team's VM under `name`, in `<file>.pipeline.ts`. */
function vmPipeline(file: string, name: string): void {
  writeFileSync(
    join(dir, `${file}.pipeline.ts`),
    `import { compute, pipeline, pythonScriptStep, secret } from "@amlpipe/dsl";
const vm = compute.remoteVm("${name}", {
  resourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/team-vm",
  username: "azureuser",
  password: secret.env("VM_PASSWORD"),
});
const s = pythonScriptStep("prep", { script: "p.py", sourceDirectory: "." }).on(vm);
export default pipeline("${file}").steps(s);
`,
  );
}

describe("one resource attached under two names across pipelines (AP304)", () => {
  it("given two files of a folder attaching one VM under two names, validate names both places; each alone is clean; compile does not write the second", async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "p.py"), "print(1)\n");
    vmPipeline("first", "team-vm");
    vmPipeline("second", "vm-again");
    const both = await runCliCaptured(["validate", ".", "--json"], { cwd: dir });
    expect(both.code).toBe(1);
    const found = JSON.parse(both.stdout).diagnostics.filter((d: { code: string }) => d.code === "AP304");
    expect(found).toHaveLength(1);
    expect(found[0].at).toMatchObject({ file: "second.pipeline.ts", line: 2 });
    expect(found[0].message).toContain('attaches as "team-vm" (first.pipeline.ts:2)');
    for (const file of ["first.pipeline.ts", "second.pipeline.ts"]) {
      const alone = await runCliCaptured(["validate", file], { cwd: dir });
      expect(alone.code, `${file}: ${alone.stderr}`).toBe(0);
    }
    const compiled = await runCliCaptured(["compile", ".", "-o", "out"], { cwd: dir });
    expect(compiled.code).toBe(1);
    expect(existsSync(join(dir, "out", "second"))).toBe(false);
  });
});
