/** One file of a compiled pipeline directory: a POSIX path relative to that directory, and its text. */
export interface CompiledFile {
  readonly path: string;
  readonly text: string;
}

/** The compile targets: the v1 pipeline YAML (primary) and the v2 pipeline job YAML. */
export type CompileTarget = "v1" | "v2";
