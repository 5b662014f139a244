import { captureSourceLocation, type SourceLocation } from "./source-location.js";

/** Datastore kinds (what the workspace datastore points at). */
export type DatastoreKind =
  | "azure_blob"
  | "azure_file"
  | "adls_gen1"
  | "adls_gen2"
  | "azure_sql"
  | "postgresql"
  | "mysql"
  | "dbfs";

/** How a step sees its data: mounted, or downloaded before it starts. */
export type InputBindMode = "mount" | "download";

/** Plain definition of a datastore. */
export interface DatastoreDef {
  readonly name: string;
  readonly kind: DatastoreKind;
  readonly account?: string;
  readonly container?: string;
  readonly database?: string;
  readonly location: SourceLocation;
}

/** Options of {@link Datastore.path}. */
export interface PathOptions {
  /** Data reference name in the pipeline. @default derived from the path */
  readonly name?: string;
  /** @default "mount" */
  readonly bindMode?: InputBindMode;
}

/** A path on a datastore, used as a step input (`data_references:` entry). */
export interface DataReference {
  readonly kind: "data_reference";
  readonly name: string;
  readonly datastore: Datastore;
  readonly pathOnDatastore: string;
  readonly bindMode?: InputBindMode;
  readonly location: SourceLocation;
}

/** A registered Azure ML dataset used as a step input. */
export interface DatasetReference {
  readonly kind: "dataset";
  readonly name: string;
  readonly datasetName?: string;
  readonly datasetId?: string;
  readonly location: SourceLocation;
}

/** A SQL table, query or stored procedure on a SQL datastore. */
export interface SqlReference {
  readonly kind: "sql";
  readonly name: string;
  readonly datastore: Datastore;
  readonly sqlTable?: string;
  readonly sqlQuery?: string;
  readonly sqlStoredProcedure?: string;
  readonly location: SourceLocation;
}

/** A workspace datastore, by name. Immutable; `path()` makes data references on it. */
export class Datastore {
  constructor(readonly def: DatastoreDef) {}

  /** The datastore's name in the workspace. */
  get name(): string {
    return this.def.name;
  }

  /** A data reference to `pathOnDatastore` on this datastore. */
  path(pathOnDatastore: string, options: PathOptions = {}): DataReference {
    return {
      kind: "data_reference",
      name: options.name ?? referenceName(pathOnDatastore),
      datastore: this,
      pathOnDatastore,
      ...(options.bindMode ? { bindMode: options.bindMode } : {}),
      location: captureSourceLocation(),
    };
  }

  /** A SQL table on this (SQL) datastore. */
  sqlTable(table: string, options: { readonly name?: string } = {}): SqlReference {
    return {
      kind: "sql",
      name: options.name ?? referenceName(table),
      datastore: this,
      sqlTable: table,
      location: captureSourceLocation(),
    };
  }

  /** The result of a SQL query on this (SQL) datastore. */
  sqlQuery(query: string, options: { readonly name: string }): SqlReference {
    return {
      kind: "sql",
      name: options.name,
      datastore: this,
      sqlQuery: query,
      location: captureSourceLocation(),
    };
  }
}

/** A data reference name derived from a path: its segments joined by `_`, other characters dropped. */
function referenceName(path: string): string {
  const name = path
    .split(/[\\/]+/)
    .filter(Boolean)
    .join("_")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/^(\d)/, "_$1");
  return name || "root";
}

interface AccountOptions {
  /** Storage account name. */
  readonly account?: string;
  /** Container (blob), file share (file) or filesystem (ADLS Gen2). */
  readonly container?: string;
}

function make(
  kind: DatastoreKind,
  name: string,
  options: AccountOptions & { readonly database?: string },
): Datastore {
  return new Datastore({ name, kind, ...options, location: captureSourceLocation() });
}

/** Datastore constructors, one per kind. */
export const datastore = {
  /** An Azure Blob container (e.g. the workspace default `workspaceblobstore`). */
  blob: (name: string, options: AccountOptions = {}): Datastore => make("azure_blob", name, options),
  /** An Azure file share. */
  file: (name: string, options: AccountOptions = {}): Datastore => make("azure_file", name, options),
  /** Azure Data Lake Storage Gen1 (the default store of a Data Lake Analytics account). */
  adlsGen1: (name: string, options: { readonly storeName?: string } = {}): Datastore =>
    make("adls_gen1", name, options.storeName ? { account: options.storeName } : {}),
  /** Azure Data Lake Storage Gen2. */
  adlsGen2: (name: string, options: AccountOptions = {}): Datastore => make("adls_gen2", name, options),
  /** Azure SQL Database. */
  sql: (name: string, options: { readonly server?: string; readonly database?: string } = {}): Datastore =>
    make("azure_sql", name, {
      ...(options.server ? { account: options.server } : {}),
      ...pick(options.database),
    }),
  /** Azure Database for PostgreSQL. */
  postgresql: (
    name: string,
    options: { readonly server?: string; readonly database?: string } = {},
  ): Datastore =>
    make("postgresql", name, {
      ...(options.server ? { account: options.server } : {}),
      ...pick(options.database),
    }),
  /** Azure Database for MySQL. */
  mysql: (name: string, options: { readonly server?: string; readonly database?: string } = {}): Datastore =>
    make("mysql", name, {
      ...(options.server ? { account: options.server } : {}),
      ...pick(options.database),
    }),
  /** Databricks File System. */
  dbfs: (name: string): Datastore => make("dbfs", name, {}),
};

function pick(database: string | undefined): { readonly database?: string } {
  return database ? { database } : {};
}

/** A registered dataset, by name (or by id with `{ id }`); `name` names the data reference. */
export function dataset(
  datasetName: string,
  options: { readonly id?: string; readonly name?: string } = {},
): DatasetReference {
  const name = datasetName;
  return {
    kind: "dataset",
    name: options.name ?? referenceName(name),
    ...(options.id ? { datasetId: options.id } : { datasetName: name }),
    location: captureSourceLocation(),
  };
}
