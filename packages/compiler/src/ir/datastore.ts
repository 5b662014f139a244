import type { DatastoreKind as DslDatastoreKind } from "@amlpipe/dsl";
import type { SourcePosition } from "./source-position.js";

/** Datastore kinds a pipeline can reference: the DSL's, plus `unknown` for YAML with no datastore spec. */
export type DatastoreKind = DslDatastoreKind | "unknown";

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
