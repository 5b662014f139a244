// The upload path of `submit`: snapshot hashing against `sha256sum` on the same files (CPU time,
// paired runs), and what a resubmit uploads after no change and after a one-file change, against the
// strict emulator with Azurite (files, bytes, wall time). Medians with ranges.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, ms } from "./harness.mjs";

export const title = "Submit: code upload";

const FILES_PER_FOLDER = 300;
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

/** CPU time (user + system) of a command, in ms, as bash's `time` reports it. */
function cpuTime(command, cwd) {
  const result = spawnSync("bash", ["-c", `TIMEFORMAT='%3U %3S'; time (${command}) >/dev/null`], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [user, system] = result.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return (user + system) * 1000;
}

export async function run({ root, runs }) {
  const runtime = await import(pathToFileURL(join(root, "packages/runtime/dist/index.js")).href);
  const dir = mkdtempSync(join(tmpdir(), "amlpipe-bench-upload-"));
  try {
    let bytes = 0;
    for (const folder of ["code-a", "code-b"]) {
      mkdirSync(join(dir, folder));
      for (let i = 0; i < FILES_PER_FOLDER; i++) {
        const content = `# ${folder} ${i}\n${"x = 1\n".repeat(200 + (i % 50))}`;
        writeFileSync(join(dir, folder, `f${i}.py`), content);
        bytes += content.length;
      }
    }
    // Hashing: amlpipe's snapshot (sha256 per file and per tree) against sha256sum on the same files,
    // CPU time of each, paired; amlpipe's is measured inside its process, around the hashing only.
    const runtimeUrl = pathToFileURL(join(root, "packages/runtime/dist/index.js")).href;
    const script = `const r = await import(${JSON.stringify(runtimeUrl)}); const t = process.cpuUsage(); await r.takeSnapshot("code-a"); await r.takeSnapshot("code-b"); const u = process.cpuUsage(t); console.log((u.user + u.system) / 1000);`;
    const ours = [];
    const theirs = [];
    for (let i = 0; i < runs; i++) {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: dir,
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(child.stderr);
      ours.push(Number(child.stdout.trim()));
      theirs.push(cpuTime("sha256sum code-a/* code-b/*", dir));
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
    return [
      `Two source folders of ${FILES_PER_FOLDER} files (${(bytes / 1048576).toFixed(1)} MB in all).`,
      "",
      "| hashing both folders | median | range | ratio |",
      "| --- | --- | --- | --- |",
      `| amlpipe snapshot (CPU time of the hashing) | ${ms(median(ours))} | ${range(ours)} | ${(median(ours) / median(theirs)).toFixed(2)}× sha256sum |`,
      `| \`sha256sum\` on the same files (CPU time) | ${ms(median(theirs))} | ${range(theirs)} | 1.00× |`,
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
