// The upload path of `submit`: what a first submit, an unchanged resubmit and a resubmit after a
// one-file change upload, against the strict emulator with Azurite (files, bytes, wall time), for two
// source folders of 10,000 small files each. Medians with ranges. (Hashing: hash.bench.mjs.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { goal, median, ms } from "./harness.mjs";

export const title = "Submit: code upload";

const FILES_PER_FOLDER = Number(process.env.AMLPIPE_BENCH_UPLOAD_FILES ?? 10000);
const at = { file: "bench.ts", line: 1, col: 1 };

function range(values) {
  return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
}

function step(key, directory) {
  return {
    type: "PythonScriptStep",
    key,
    name: key,
    source: at,
    compute: "cpu",
    scriptName: "f0.py",
    sourceDirectory: directory,
    arguments: [],
    parameters: [],
    inputs: [],
    outputs: [],
    allowReuse: true,
    after: [],
  };
}

function pipeline() {
  return {
    irVersion: 1,
    name: "upload-bench",
    source: at,
    defaultCompute: "cpu",
    parameters: [],
    datastores: [],
    dataReferences: [],
    environments: [],
    schedules: [],
    computes: [{ kind: "aml_cluster", name: "cpu", source: at, vmSize: "STANDARD_D2_V2", maxNodes: 1 }],
    steps: [step("a", "code-a"), step("b", "code-b")],
  };
}

export async function run({ root, runs }) {
  const runtime = await import(pathToFileURL(join(root, "packages/runtime/dist/index.js")).href);
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-bench-upload-"));
  try {
    let bytes = 0;
    for (const folder of ["code-a", "code-b"]) {
      mkdirSync(join(dir, folder));
      for (let i = 0; i < FILES_PER_FOLDER; i++) {
        const content = `# ${folder} ${i}\n${"x = 1\n".repeat(20 + (i % 50))}`;
        writeFileSync(join(dir, folder, `f${i}.py`), content);
        bytes += content.length;
      }
    }
    // Resubmits against the emulator (in-process, with Azurite).
    const emulator = await runtime.startArmEmulator({ retryAfterSeconds: 0 });
    const options = (id) => ({
      target: { subscriptionId: "s", resourceGroup: "rg", workspace: "bench", emulator: emulator.url },
      root: dir,
      compiledDir: join(dir, "out"),
      env: {},
      pollMs: 5,
      submissionId: id,
      log: () => {},
    });
    const timed = async (id) => {
      const t0 = performance.now();
      const report = await runtime.submitToAzure(pipeline(), options(id));
      if (report.diagnostics.some((d) => d.severity === "error"))
        throw new Error(JSON.stringify(report.diagnostics));
      return { ms: performance.now() - t0, upload: report.upload };
    };
    const first = await timed("first");
    const unchanged = [];
    const changed = [];
    let lastChanged;
    for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) {
      unchanged.push(await timed("first"));
      writeFileSync(join(dir, "code-b", "f7.py"), `# changed ${i}\n`);
      lastChanged = await timed("first");
      changed.push(lastChanged);
    }
    await emulator.close();
    const row = (label, samples) =>
      `| ${label} | ${samples.at(-1).upload.folders} | ${samples.at(-1).upload.files} | ${samples.at(-1).upload.bytes} | ${ms(median(samples.map((s) => s.ms)))} (${range(samples.map((s) => s.ms))}) |`;
    const markdown = [
      `Two source folders of ${FILES_PER_FOLDER.toLocaleString("en")} files each (${(bytes / 1048576).toFixed(1)} MB in all).`,
      "",
      "Submits to `amlpipe emulator` (strict, blobs in Azurite), same submission id:",
      "",
      "| submit | folders uploaded | files uploaded | bytes uploaded | wall time, median (range) |",
      "| --- | --- | --- | --- | --- |",
      row("first", [first]),
      row("unchanged resubmit", unchanged),
      row("after a one-file change", changed),
      "",
    ].join("\n");
    const unchangedMs = unchanged.map((s) => s.ms);
    return {
      markdown,
      goals: [
        goal(
          "upload-unchanged",
          `unchanged resubmit of ${(2 * FILES_PER_FOLDER).toLocaleString("en")} files (s)`,
          median(unchangedMs) / 1000,
          10,
          "lower",
          unchangedMs,
        ),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
