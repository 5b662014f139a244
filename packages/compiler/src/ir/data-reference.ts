import type { SourcePosition } from "./source-position.js";

/** How data is made available to a step: mounted, downloaded before, or uploaded after. */
export type BindMode = "mount" | "download" | "upload";

/** A path on a datastore (`{datastore, path_on_datastore}`). */
export interface DatastorePathReferenceIR {
  readonly kind: "datastore_path";
  readonly name: string;
  readonly source: SourcePosition;
  readonly datastore: string;
  readonly pathOnDatastore: string;
}
/** A SQL table, query or stored procedure on a SQL datastore. */
export interface SqlReferenceIR {
  readonly kind: "sql";
  readonly name: string;
  readonly source: SourcePosition;
  readonly datastore: string;
  readonly sqlTable?: string;
  readonly sqlQuery?: string;
  readonly sqlStoredProcedure?: string;
  readonly sqlStoredProcedureParams?: Readonly<Record<string, string>>;
}
/** A registered dataset, by name (and optionally version) or id. */
export interface DatasetReferenceIR {
  readonly kind: "dataset";
  readonly name: string;
  readonly source: SourcePosition;
  readonly datasetName?: string;
  readonly datasetId?: string;
}

/** A pipeline-level data reference (`data_references:` entry). */
export type DataReferenceIR = DatastorePathReferenceIR | SqlReferenceIR | DatasetReferenceIR;
