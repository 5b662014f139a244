import { pipelineJobV2Schema, trainingJobV2Schema } from "./definitions/pipeline-job-v2.js";
import { pipelineV1Schema } from "./definitions/pipeline-v1.js";
import { scheduleSchema } from "./definitions/schedule-schema.js";
import {
  computeSchema,
  datastoreSchema,
  manifestSchema,
  parallelRunConfigSchema,
  runconfigSchema,
} from "./definitions/specs.js";

/**
 * Every schema amlpipe ships, by file name in `packages/compiler/schemas/`. Adding a file kind is one
 * definition file plus one line here; `scripts/write-schemas` writes the JSON files and a test fails
 * when they drift.
 */
export const SCHEMAS = {
  "pipeline.v1.schema.json": pipelineV1Schema,
  "pipeline-job.v2.schema.json": pipelineJobV2Schema,
  "training-job.v2.schema.json": trainingJobV2Schema,
  "compute.schema.json": computeSchema,
  "datastore.schema.json": datastoreSchema,
  "runconfig.schema.json": runconfigSchema,
  "parallel-run-config.schema.json": parallelRunConfigSchema,
  "schedule.schema.json": scheduleSchema,
  "manifest.schema.json": manifestSchema,
} as const;

/** The file name of a shipped schema. */
export type SchemaName = keyof typeof SCHEMAS;
