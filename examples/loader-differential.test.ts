// Differential test: `amlpipe validate` and the SDK v1 loader model give the same verdict on
// generated pipeline YAML (every step kind, valid settings and the mutations the loader refuses) and
// generated schedules:
// an error exactly when the loader fails. CI runs a few hundred documents; a longer run:
//   AMLPIPE_DIFFERENTIAL_RUNS=10000 AMLPIPE_DIFFERENTIAL_SEED=7 npx vitest run examples/loader-differential.test.ts
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@amlpipe/cli";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { pipelineDocument, scheduleDocument } from "./loader-differential.js";
import { oracleMissing, verdictsOfModel } from "./loader-oracle.js";

const RUNS = Number(process.env.AMLPIPE_DIFFERENTIAL_RUNS ?? 300);
const SEED = Number(process.env.AMLPIPE_DIFFERENTIAL_SEED ?? 42);
const missing = oracleMissing();
const required = process.env.AMLPIPE_REQUIRE_ORACLE === "1";

async function amlpipeRefuses(file: string, cwd: string): Promise<{ refuses: boolean; out: string }> {
  let out = "";
  const write = (text: string) => {
    out += text;
  };
  const code = await runCli(["validate", file], { stdout: write, stderr: write, cwd, env: {}, isTTY: false });
  return { refuses: code !== 0, out };
}

/**
 * Writes each document under `key` (`pipeline:` or `Schedule:`) to its own file in `dir`, has the
 * model and `amlpipe validate` judge each, and expects them to agree on every one, with both
 * verdicts well represented (a set that only loads, or only fails, proves little).
 */
async function expectAgreement(dir: string, key: string, documents: readonly unknown[]): Promise<void> {
  const files = documents.map((document, index) => {
    const file = join(dir, `d${index}.yaml`);
    writeFileSync(file, stringify({ [key]: JSON.parse(JSON.stringify(document)) }));
    return file;
  });
  const verdicts = verdictsOfModel(files, dir);
  const disagreements: string[] = [];
  for (const file of files) {
    const model = verdicts.get(file);
    if (!model) {
      disagreements.push(`${file}: the model gave no verdict`);
      continue;
    }
    const ours = await amlpipeRefuses(file, dir);
    if (ours.refuses !== !model.loads)
      disagreements.push(
        `${file}: amlpipe ${ours.refuses ? "refuses" : "accepts"}, the loader ${model.loads ? "LOADS" : `FAILS: ${model.failure}`}\n${ours.out}`,
      );
  }
  expect(disagreements.slice(0, 5).join("\n---\n"), `${disagreements.length} of ${RUNS} disagree`).toBe("");
  const fails = [...verdicts.values()].filter((v) => !v.loads).length;
  expect(fails).toBeGreaterThan(RUNS / 20);
  expect(RUNS - fails).toBeGreaterThan(RUNS / 20);
}

describe("amlpipe validate against the SDK v1 loader model", () => {
  it.skipIf(missing !== undefined && !required)(
    `given ${RUNS} generated pipelines (seed ${SEED}), validate errs exactly when the loader fails`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-differential-"));
      mkdirSync(join(dir, "steps"));
      writeFileSync(join(dir, "steps", "prep.py"), "print('prep')\n");
      await expectAgreement(dir, "pipeline", fc.sample(pipelineDocument, { numRuns: RUNS, seed: SEED }));
    },
    300_000,
  );

  it.skipIf(missing !== undefined && !required)(
    `given ${RUNS} generated schedules (seed ${SEED}), validate errs exactly when Schedule.load_yaml and Schedule.create fail`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-differential-schedules-"));
      await expectAgreement(dir, "Schedule", fc.sample(scheduleDocument, { numRuns: RUNS, seed: SEED }));
    },
    300_000,
  );
});
