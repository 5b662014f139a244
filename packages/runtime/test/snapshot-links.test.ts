import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  hashTree,
  RefusedLinksError,
  type RunningEmulator,
  runLocal,
  submitToAzure,
  takeSnapshot,
} from "../src/index.js";
import { azureSetup, pipelineIR, submitOptions, uploadedBlobs } from "./azure-fixture.js";
import { project } from "./local-fixture.js";

/** A source folder `src/` with a file, beside a folder `outside/` it must not reach. */
function folders(): { root: string; src: string } {
  const root = mkdtempSync(join(tmpdir(), "amlpipe-links-"));
  const src = join(root, "src");
  mkdirSync(join(src, "lib"), { recursive: true });
  mkdirSync(join(root, "outside"));
  writeFileSync(join(src, "train.py"), "print('train')\n");
  writeFileSync(join(src, "lib", "util.py"), "X = 1\n");
  writeFileSync(join(root, "outside", "secret.txt"), "not yours\n");
  return { root, src };
}

/** The refused links of a snapshot, as `path: why`, or [] when it was taken. */
async function refused(src: string): Promise<string[]> {
  try {
    await takeSnapshot(src);
    return [];
  } catch (error) {
    if (!(error instanceof RefusedLinksError)) throw error;
    return error.links.map((l) => `${l.path}: ${l.why.split(",")[0]}`).sort();
  }
}

describe("snapshots and symbolic links", () => {
  it("given links to a file and a folder inside the source folder, follows both: the linked content is in the snapshot under the link's name", async () => {
    const { src } = folders();
    symlinkSync("train.py", join(src, "main.py"));
    symlinkSync("lib", join(src, "vendored"));
    const snapshot = await takeSnapshot(src);
    expect(snapshot.files.map((f) => f.path)).toEqual([
      "lib/util.py",
      "main.py",
      "train.py",
      "vendored/util.py",
    ]);
    const main = snapshot.files.find((f) => f.path === "main.py");
    expect(main?.sha256).toBe(snapshot.files.find((f) => f.path === "train.py")?.sha256);
  });

  it("given a link outside, a dangling link and a loop, refuses with all three named (AP904) instead of leaving them out", async () => {
    const { root, src } = folders();
    symlinkSync(join(root, "outside"), join(src, "shared"));
    symlinkSync("missing.py", join(src, "gone.py"));
    symlinkSync("..", join(src, "lib", "up"));
    expect(await refused(src)).toEqual([
      'gone.py: points to "missing.py"',
      "lib/up: leads to a folder that holds it",
      "shared: leads outside",
    ]);
  });

  it("given an outside link that .amlignore ignores (as a file or as a folder), takes the snapshot without it", async () => {
    const { root, src } = folders();
    symlinkSync(join(root, "outside"), join(src, "shared"));
    symlinkSync(join(root, "outside", "secret.txt"), join(src, "secret.txt"));
    writeFileSync(join(src, ".amlignore"), "shared/\nsecret.txt\n");
    const snapshot = await takeSnapshot(src);
    expect(snapshot.files.map((f) => f.path)).toEqual([".amlignore", "lib/util.py", "train.py"]);
  });

  it("given a data input with a link outside it, hashes through the link (the step reads through it anyway)", async () => {
    const { root, src } = folders();
    symlinkSync(join(root, "outside"), join(src, "shared"));
    const tree = await hashTree(src);
    expect(tree.files.map((f) => f.path)).toContain("shared/secret.txt");
  });

  it("given a data input with a dangling link and a loop, hashes what is there and passes over them (no AP904: it is no snapshot)", async () => {
    const { src } = folders();
    symlinkSync("missing.csv", join(src, "gone.csv"));
    symlinkSync("..", join(src, "lib", "up"));
    const tree = await hashTree(src);
    expect(tree.files.map((f) => f.path)).toEqual(["lib/util.py", "train.py"]);
  });

  it("given a local run whose step folder links outside, fails that step with AP904 and its fix, runs nothing of it", async () => {
    const { root, ir } = project({
      "steps/hello.py": "open('ran', 'w').write('yes')\n",
      "elsewhere/notes.txt": "outside\n",
      "out/pipeline.yaml":
        "pipeline:\n  name: links\n  steps:\n    hello:\n      type: PythonScriptStep\n      script_name: hello.py\n      source_directory: ../steps\n",
    });
    symlinkSync(join(root, "elsewhere"), join(root, "steps", "notes"));
    const { record } = await runLocal(ir, { root, compiledDir: "out" });
    const hello = record?.steps.find((s) => s.key === "hello");
    expect(hello?.status).toBe("failed");
    expect(hello?.error).toMatch(/^AP904: .*notes \(leads outside.*\.amlignore/);
  });
});

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("submit and symbolic links", () => {
  it("given a code folder that links outside, refuses the submit (AP904) before anything is uploaded or created", async () => {
    const setup = await azureSetup();
    emulator = setup.emulator;
    mkdirSync(join(setup.root, "home"));
    writeFileSync(join(setup.root, "home", "id_rsa"), "private key\n");
    symlinkSync(join(setup.root, "home"), join(setup.root, "steps", "home"));
    const ir = pipelineIR();
    // The step whose folder holds the link is where the diagnostic points.
    const steps = ir.steps.map((s) =>
      s.key === "train" ? { ...s, source: { file: "p.ts", line: 42, col: 3 } } : s,
    );
    const report = await submitToAzure({ ...ir, steps }, submitOptions(setup.root, setup.target()));
    expect(report.diagnostics.map((d) => d.code)).toEqual(["AP904"]);
    expect(report.diagnostics[0]?.at).toEqual({ file: "p.ts", line: 42, col: 3 });
    expect(report.diagnostics[0]?.message).toContain("home (leads outside");
    expect(report.job).toBeUndefined();
    expect(await uploadedBlobs(emulator)).toEqual([]);
  });
});
