import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { below, LocalLayout, OutsideRootError, writeCompiledFiles } from "../src/index.js";

const HOSTILE = [".", "..", "../x", "/etc", "a/../../b", "a\u0000b", ""];
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sandbox(): { root: string; canary: string } {
  const parent = mkdtempSync(join(tmpdir(), "amlpipe-guard-"));
  made.push(parent);
  const root = join(parent, "out");
  mkdirSync(join(root, "other"), { recursive: true });
  const canary = join(parent, "keep.txt");
  writeFileSync(canary, "canary\n");
  writeFileSync(join(root, "other", "keep.txt"), "canary\n");
  return { root, canary };
}

describe("the path guard", () => {
  it("given each hostile segment, below() throws OutsideRootError; a plain name resolves below the root", () => {
    for (const bad of HOSTILE)
      expect(() => below("/srv/out", bad), JSON.stringify(bad)).toThrow(OutsideRootError);
    expect(below("/srv/out", "p")).toBe("/srv/out/p");
  });

  it("given a hostile pipeline or file name, writeCompiledFiles writes and deletes nothing", () => {
    const { root, canary } = sandbox();
    for (const bad of HOSTILE) {
      expect(() => writeCompiledFiles(root, bad, [{ path: "pipeline.yaml", text: "x" }])).toThrow();
      expect(() =>
        writeCompiledFiles(root, "p", [{ path: `${bad}/../../../keep.txt`, text: "x" }]),
      ).toThrow();
    }
    expect(readFileSync(canary, "utf8")).toBe("canary\n");
    expect(readFileSync(join(root, "other", "keep.txt"), "utf8")).toBe("canary\n");
    expect(existsSync(join(root, "p"))).toBe(false);
  });

  it("given hostile step keys and datastore names, the local layout refuses to name a path for them", () => {
    const layout = new LocalLayout("/srv/state");
    for (const bad of HOSTILE) {
      expect(() => layout.work("run1", bad)).toThrow(OutsideRootError);
      expect(() => layout.datastore(bad)).toThrow(OutsideRootError);
    }
    expect(() => layout.onDatastore("store", "../../etc/passwd")).toThrow(OutsideRootError);
    expect(layout.onDatastore("store", "/raw/x.csv")).toBe("/srv/state/datastores/store/raw/x.csv");
  });
});
