// The shipped JSON schemas against the SDK v1 loader model: on generated pipeline and schedule YAML,
// the schema an editor uses must accept every document the loader loads, and refuse every document
// the loader fails on, except failures no per-file schema can see (named below, each with why).
// CI runs a few hundred documents; AMLPIPE_DIFFERENTIAL_RUNS and AMLPIPE_DIFFERENTIAL_SEED as for
// loader-differential.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SchemaName, validateDocument } from "@amlpipe/compiler";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { pipelineDocument, scheduleDocument } from "./loader-differential.js";
import { oracleMissing, verdictsOfModel } from "./loader-oracle.js";

const RUNS = Number(process.env.AMLPIPE_DIFFERENTIAL_RUNS ?? 300);
const SEED = Number(process.env.AMLPIPE_DIFFERENTIAL_SEED ?? 42);
const missing = oracleMissing();
const required = process.env.AMLPIPE_REQUIRE_ORACLE === "1";

/**
 * Loader failures that depend on more than the file's shape: another file (a runconfig's cluster),
 * the graph the steps make, or names declared elsewhere in the document. The rules report them;
 * a schema cannot, so it may accept such a document.
 */
const BEYOND_THE_SCHEMA = [
  /is assigned to source \S+, which doesn't exist/, // parameter names, declared elsewhere
  /^graph build:/, // producers and cycles
  /compute target is required \(no compute, no default_compute, no runconfig\)/, // the runconfig's target
  /one of num_workers or min_workers and max_workers is required/, // unless the runconfig has a cluster
  /Exactly one of node_type or instance_pool_id/, // the same
  /Either pass cluster in runconfig/, // the runconfig's content
  /ParallelRunStep input data must be a dataset/, // whether a name is a data reference or step output
  /reads intermediate data not written with as_dataset/, // how another step writes it
  /must name a data_references entry/, // the same
  /already an output of step/, // two steps writing one name
];

/**
 * Where the schema refuses on purpose what the loader takes without a word, each with why: an
 * editor should flag these although the loader does not fail.
 */
const STRICTER_ON_PURPOSE = [
  // Compute names start with a letter, so a number names no compute of the workspace.
  /^\/pipeline\/steps\/[^/]+\/compute$/,
  // The loader iterates text per character: `--x 1` becomes the arguments "-", "-", "x", " ", "1".
  /^\/pipeline\/steps\/[^/]+\/arguments$/,
  // The loader converts defaults with bool(), int(): bool("false") is true, int(2.5) is 2.
  /^\/pipeline\/parameters\/[^/]+\/default$/,
  // Schedule.create passes the text None on to the service, where a number belongs.
  /^\/Schedule\/(polling_interval|wait_timeout|wait_for_provisioning)$/,
];

/**
 * Has the model judge each document and the shipped schema check it, and expects them to agree as
 * the header says; both verdicts must be well represented.
 */
function expectSchemaAgreement(dir: string, key: string, schema: SchemaName, documents: readonly unknown[]) {
  const plain = documents.map((d) => ({ [key]: JSON.parse(JSON.stringify(d)) }));
  const files = plain.map((document, index) => {
    const file = join(dir, `d${index}.yaml`);
    writeFileSync(file, stringify(document));
    return file;
  });
  const verdicts = verdictsOfModel(files, dir);
  const disagreements = files.flatMap((file, index) => {
    const model = verdicts.get(file);
    if (!model) return [`${file}: the model gave no verdict`];
    const violations = validateDocument(schema, plain[index]);
    // An `if`/`then` that fails is also reported at the parent, as "must match then": not a finding.
    const findings = violations.filter((v) => !v.schemaPath.endsWith("/if"));
    const onPurpose = findings.every((v) => STRICTER_ON_PURPOSE.some((p) => p.test(v.instancePath)));
    if (model.loads && violations.length > 0 && !onPurpose)
      return [
        `${file}: the loader LOADS it, the schema refuses: ${violations[0]?.message} at ${violations[0]?.instancePath}`,
      ];
    const seen = BEYOND_THE_SCHEMA.some((pattern) => pattern.test(model.failure ?? ""));
    if (!model.loads && violations.length === 0 && !seen)
      return [`${file}: the loader FAILS (${model.failure}), the schema accepts it`];
    return [];
  });
  expect(disagreements.slice(0, 5).join("\n"), `${disagreements.length} of ${RUNS} disagree`).toBe("");
  const fails = [...verdicts.values()].filter((v) => !v.loads).length;
  expect(fails).toBeGreaterThan(RUNS / 20);
  expect(RUNS - fails).toBeGreaterThan(RUNS / 20);
}

describe("the shipped schemas against the SDK v1 loader model", () => {
  it.skipIf(missing !== undefined && !required)(
    `given ${RUNS} generated pipelines (seed ${SEED}), pipeline.v1.schema.json accepts exactly what the loader loads`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-schema-"));
      mkdirSync(join(dir, "steps"));
      const documents = fc.sample(pipelineDocument, { numRuns: RUNS, seed: SEED });
      expectSchemaAgreement(dir, "pipeline", "pipeline.v1.schema.json", documents);
    },
    120_000,
  );

  it.skipIf(missing !== undefined && !required)(
    `given ${RUNS} generated schedules (seed ${SEED}), schedule.schema.json accepts exactly what the loader loads`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-schema-schedules-"));
      const documents = fc.sample(scheduleDocument, { numRuns: RUNS, seed: SEED });
      expectSchemaAgreement(dir, "Schedule", "schedule.schema.json", documents);
    },
    120_000,
  );
});
