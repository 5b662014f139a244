import type { SourcePosition } from "./source-position.js";

/** How data is made available to a step: mounted, downloaded before, or uploaded after. */
export type BindMode = "mount" | "download" | "upload";

/**
 * The v2 data type a reference is read as, when it was declared (a v2 input's `type:`, or a tabular
 * dataset): `mltable` for tables; otherwise the path decides (`uri_file` when it names a file).
 */
export type DataTypeIR = "uri_file" | "uri_folder" | "mltable";

/** A path on a datastore (`{datastore, path_on_datastore}`). */
export interface DatastorePathReferenceIR {
  readonly kind: "datastore_path";
  readonly name: string;
  readonly source: SourcePosition;
  readonly dataType?: DataTypeIR;
  readonly datastore: string;
  readonly pathOnDatastore: string;
}
/** A stored procedure's parameter as the SDK v1 loader reads it: a value, and its SQL type. */
// A type, not an interface, so that it is a plain literal value to `amlpipe import`'s printer.
export type StoredProcedureParamIR = {
  readonly value: string | number | boolean;
  /** One of the SDK's StoredProcedureParameterType names; String when absent. */
  readonly type?: string;
};
/** A SQL table, query or stored procedure on a SQL datastore. */
export interface SqlReferenceIR {
  readonly kind: "sql";
  readonly name: string;
  readonly source: SourcePosition;
  readonly datastore: string;
  readonly sqlTable?: string;
  readonly sqlQuery?: string;
  readonly sqlStoredProcedure?: string;
  readonly sqlStoredProcedureParams?: Readonly<Record<string, StoredProcedureParamIR>>;
}
/** A registered dataset, by name (and optionally version) or id. */
export interface DatasetReferenceIR {
  readonly kind: "dataset";
  readonly name: string;
  readonly source: SourcePosition;
  /** `mltable` for a TabularDataset (v2 reads tables as mltable), else a folder or file. */
  readonly dataType?: DataTypeIR;
  readonly datasetName?: string;
  readonly datasetId?: string;
}

/**
 * A file or folder of the project that the job uploads when it is submitted (a v2 input's local
 * `path: ./data`); the v1 YAML has no such reference.
 */
export interface LocalPathReferenceIR {
  readonly kind: "local_path";
  readonly name: string;
  readonly source: SourcePosition;
  /** Relative to the compile root (POSIX). */
  readonly path: string;
  readonly dataType?: DataTypeIR;
}

/** A pipeline-level data reference (`data_references:` entry, or a v2 data input). */
export type DataReferenceIR =
  | DatastorePathReferenceIR
  | SqlReferenceIR
  | DatasetReferenceIR
  | LocalPathReferenceIR;

/** The datastore a reference lives on; none for a registered dataset or a local path. */
export function referenceDatastore(reference: DataReferenceIR): string | undefined {
  return reference.kind === "datastore_path" || reference.kind === "sql" ? reference.datastore : undefined;
}
