import type { SourcePosition } from "./source-position.js";

/** Datastore kinds a pipeline can reference (and DataTransferStep can move between). */
export type DatastoreKind =
  | "azure_blob"
  | "azure_file"
  | "adls_gen1"
  | "adls_gen2"
  | "azure_sql"
  | "postgresql"
  | "mysql"
  | "dbfs"
  /** Named by a YAML pipeline with no datastore spec beside it. */
  | "unknown";

/** A workspace datastore, by name. On the local backend it is a folder. */
export interface DatastoreIR {
  readonly name: string;
  readonly kind: DatastoreKind;
  readonly source: SourcePosition;
  /** Storage account (blob, file, ADLS Gen2), Data Lake Store name (Gen1) or server (SQL). */
  readonly account?: string;
  /** Blob container, file share or ADLS Gen2 filesystem. */
  readonly container?: string;
  /** SQL database name. */
  readonly database?: string;
}
