import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const shipped = join(root, "packages/compiler/schemas");

/** Every file below `dir`, by its path relative to `dir`. */
function filesBelow(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

describe("the schemas compiled files point at", () => {
  it("given a compile, writes the shipped schemas to <out>/.schemas/ and every modeline, from any subfolder, leads to one of them", async () => {
    const out = mkdtempSync(join(tmpdir(), "amlpipe-schemas-"));
    expect(
      (await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], { cwd: root })).code,
    ).toBe(0);
    // A second compile leaves an up-to-date copy alone (the same file, not a rewritten one).
    const copy = join(out, ".schemas", "pipeline.v1.schema.json");
    const before = statSync(copy).ino;
    expect(
      (await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], { cwd: root })).code,
    ).toBe(0);
    expect(statSync(copy).ino).toBe(before);
    for (const name of readdirSync(shipped))
      expect(readFileSync(join(out, ".schemas", name), "utf8"), name).toBe(
        readFileSync(join(shipped, name), "utf8"),
      );
    const pipeline = join(out, "aml-cluster-training");
    const yamlFiles = filesBelow(pipeline).filter((f) => /\.ya?ml$/.test(f));
    expect(yamlFiles.some((f) => f.includes("/"))).toBe(true);
    for (const file of yamlFiles) {
      const link = /\$schema=(\S+)/.exec(readFileSync(join(pipeline, file), "utf8"))?.[1] ?? "";
      expect(existsSync(join(dirname(join(pipeline, file)), link)), `${file} -> ${link}`).toBe(true);
    }
  });

  it("given the same pipeline compiled into folders at different depths, every modeline is the same: none depends on where amlpipe is installed", async () => {
    const near = mkdtempSync(join(tmpdir(), "amlpipe-near-"));
    const far = join(mkdtempSync(join(tmpdir(), "amlpipe-far-")), "a", "b", "c");
    for (const out of [near, far])
      expect(
        (await runCliCaptured(["compile", "examples/aml-cluster/pipeline.ts", "-o", out], { cwd: root }))
          .code,
      ).toBe(0);
    const modelines = (out: string) => {
      const dir = join(out, "aml-cluster-training");
      return filesBelow(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${f}: ${readFileSync(join(dir, f), "utf8").split("\n")[0]}`);
    };
    expect(modelines(far)).toEqual(modelines(near));
    expect(modelines(near)).toContain(
      "pipeline.yaml: # yaml-language-server: $schema=../.schemas/pipeline.v1.schema.json",
    );
  });
});
