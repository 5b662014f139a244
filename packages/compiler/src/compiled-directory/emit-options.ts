/** Options of the emitters (`emitV1`, `emitV2`): where the compiled directory sits. */
export interface EmitOptions {
  /**
   * POSIX path from the output directory back to the compile root (e.g. `../..`). `source_directory`
   * values are written relative to the output directory through it.
   */
  readonly outputToRoot: string;
  /** Recorded in manifest.json. */
  readonly toolVersion: string;
  /**
   * POSIX path from the output directory to the shipped schemas, for the yaml-language-server
   * modelines. @default `<outputToRoot>/node_modules/@amlpipe/compiler/schemas`
   */
  readonly schemaDirectory?: string;
  /**
   * Build and schema-check every document but serialise none (`amlpipe validate`, which writes
   * nothing): the files carry their paths with empty text, and there is no manifest (it hashes texts).
   * @default false
   */
  readonly checkOnly?: boolean;
}
