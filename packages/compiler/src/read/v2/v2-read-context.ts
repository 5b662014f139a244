import type { DataReferenceIR } from "../../ir/data-reference.js";
import type { EnvironmentIR } from "../../ir/environment.js";
import type { YamlCursor } from "../yaml-cursor.js";
import type { DataFiles } from "./v2-data.js";

/** What a pipeline input is to its jobs: a value (a step parameter) or data (an input binding). */
export type PipelineInputRole = "parameter" | "data";

/** What reading one v2 node needs from the pipeline around it. */
export interface V2ReadContext {
  readonly files: DataFiles;
  /** The pipeline's `inputs:` by name. */
  readonly pipelineInputs: ReadonlyMap<string, PipelineInputRole>;
  /** The `mode:` a pipeline data input gives its readers when they give none. */
  readonly pipelineInputModes: ReadonlyMap<string, YamlCursor>;
  /** The pipeline's `outputs:` by name (their mode and type apply to the job outputs bound to them). */
  readonly pipelineOutputs: ReadonlyMap<string, YamlCursor>;
  /** The intermediate data name a job output writes. */
  destination(job: string, output: string): string;
  /**
   * Adds a data reference read inline in a job; returns the name it got (unique in the pipeline), or
   * the name of the reference already there for the same data.
   */
  addReference(reference: DataReferenceIR): string;
  /** Adds an environment (the same one twice is kept once); returns its name. */
  addEnvironment(environment: EnvironmentIR): string;
  /** AP112 for each key of `cursor` not in `read`: valid v2 that amlpipe does not carry. */
  reportUnread(cursor: YamlCursor, read: ReadonlySet<string>, what: string): void;
}
