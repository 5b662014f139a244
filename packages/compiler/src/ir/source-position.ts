/**
 * Where a pipeline node came from: the line of the user's `.ts` file that created the DSL object,
 * or the line of the YAML file it was read from. Lines and columns are 1-based. `file` is relative to
 * the compile root (never absolute, so compiled output stays byte-identical across machines).
 */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted path inside a YAML document, e.g. `pipeline.steps.train.inputs.raw`, when known. */
  readonly yamlPath?: string;
}

/** A position for nodes that have none (synthesised by the compiler itself). */
export const UNKNOWN_POSITION: SourcePosition = { file: "<unknown>", line: 0, col: 0 };
