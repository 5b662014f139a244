// Snapshot hashing (what run and submit do to every source folder) against `sha256sum` over the
// same files, on a tree of 20,000 small files and one of 1,000 files of 100 KiB, paired wall times:
// sha256sum's whole processes against the hashing inside a fresh Node process (after its start-up).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { goal, median, ms, paired, ratioText, wallOnce } from "./harness.mjs";

export const title = "Snapshot hashing";

/** Writes `folders` × `perFolder` files of random bytes, sizes from `size(i)`. */
function writeTree(dir, folders, perFolder, size) {
  let bytes = 0;
  for (let d = 0; d < folders; d++) {
    mkdirSync(join(dir, `d${d}`), { recursive: true });
    for (let i = 0; i < perFolder; i++) {
      const content = randomBytes(size(d * perFolder + i));
      writeFileSync(join(dir, `d${d}`, `f${i}`), content);
      bytes += content.length;
    }
  }
  return bytes;
}

export async function run({ root, runs }) {
  const base = mkdtempSync(join(tmpdir(), "amlpipe-bench-hash-"));
  try {
    const trees = [
      {
        name: "small",
        label: "20,000 files of 100–4,000 B",
        bytes: writeTree(join(base, "small"), 40, 500, (i) => 100 + ((i * 7919) % 3900)),
      },
      {
        name: "big",
        label: "1,000 files of 100 KiB",
        bytes: writeTree(join(base, "big"), 10, 100, () => 100 * 1024),
      },
    ];
    const runtime = pathToFileURL(join(root, "packages/runtime/dist/index.js")).href;
    const rows = [];
    const goals = [];
    for (const tree of trees) {
      const dir = join(base, tree.name);
      const script = `const r = await import(${JSON.stringify(runtime)}); const t = performance.now(); await r.takeSnapshot(${JSON.stringify(dir)}); console.log(performance.now() - t);`;
      const pairs = await paired(
        Math.max(3, Math.ceil(runs / 2)),
        () =>
          Number(
            spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).stdout,
          ),
        () =>
          wallOnce("bash", [
            "-c",
            `find ${JSON.stringify(dir)} -type f -print0 | xargs -0 sha256sum >/dev/null`,
          ]),
      );
      // Throughput relative to sha256sum: its time over amlpipe's (1 = as fast, 2 = twice as fast).
      const speed = pairs.ratios.map((r) => 1 / r);
      rows.push(
        `| ${tree.label} (${(tree.bytes / 1048576).toFixed(0)} MB) | ${ms(median(pairs.a))} | ${ms(median(pairs.b))} | ${ratioText(speed)} |`,
      );
      goals.push(
        goal(
          `hash-${tree.name}`,
          `hashing ${tree.label}: throughput / sha256sum's`,
          median(speed),
          1,
          "higher",
          speed,
        ),
      );
    }
    return {
      markdown: [
        "Page cache warm, paired: amlpipe's hashing timed inside a fresh process (start-up and loading",
        "excluded), sha256sum's whole processes (its start-up included).",
        "",
        "| tree | amlpipe `takeSnapshot` | `find … \\| xargs sha256sum` | throughput vs sha256sum |",
        "|---|---|---|---|",
        ...rows,
      ].join("\n"),
      goals,
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
