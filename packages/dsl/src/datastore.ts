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
  /**
   * How a v2 job reads it: `mltable` for a table (a folder with an MLTable file). @default a file
   * when the path has an extension, else a folder
   */
  readonly type?: DataType;
}

/** The v2 data types a reference can be read as. */
export type DataType = "uri_file" | "uri_folder" | "mltable";

/** A path on a datastore, used as a step input (`data_references:` entry). */
export interface DataReference {
  readonly kind: "data_reference";
  readonly name: string;
  readonly datastore: Datastore;
  readonly pathOnDatastore: string;
  readonly bindMode?: InputBindMode;
  readonly type?: DataType;
  readonly location: SourceLocation;
}

/** A registered Azure ML dataset used as a step input. */
export interface DatasetReference {
  readonly kind: "dataset";
  readonly name: string;
  readonly datasetName?: string;
  readonly datasetId?: string;
  /** A TabularDataset: v2 jobs read it as `mltable`. */
  readonly tabular?: boolean;
  readonly location: SourceLocation;
}

/**
 * A file or folder of the project, uploaded when the job is submitted (a v2 input's local path).
 * The v1 YAML cannot reference one: such a pipeline compiles to v2 only.
 */
export interface LocalData {
  readonly kind: "local_path";
  readonly name: string;
  /** As written: relative to the file that declares it. */
  readonly path: string;
  readonly type?: DataType;
  readonly location: SourceLocation;
}

/** A stored procedure parameter's SQL type (the SDK's StoredProcedureParameterType). */
export type StoredProcedureParamType = "String" | "Int" | "Decimal" | "Guid" | "Boolean" | "Date";

/** A parameter passed to a SQL stored procedure: its value, and its SQL type (String when absent). */
export interface StoredProcedureParam {
  readonly value: string | number | boolean;
  readonly type?: StoredProcedureParamType;
}

/** A SQL table, query or stored procedure on a SQL datastore. */
export interface SqlReference {
  readonly kind: "sql";
  readonly name: string;
  readonly datastore: Datastore;
  readonly sqlTable?: string;
  readonly sqlQuery?: string;
  readonly sqlStoredProcedure?: string;
  readonly sqlStoredProcedureParams?: Readonly<Record<string, StoredProcedureParam>>;
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
      ...(options.type ? { type: options.type } : {}),
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

  /** The result of a SQL stored procedure on this (SQL) datastore, with its parameters by name. */
  sqlStoredProcedure(
    procedure: string,
    options: {
      readonly name: string;
      readonly params?: Readonly<Record<string, StoredProcedureParam>>;
    },
  ): SqlReference {
    return {
      kind: "sql",
      name: options.name,
      datastore: this,
      sqlStoredProcedure: procedure,
      ...(options.params ? { sqlStoredProcedureParams: options.params } : {}),
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

/**
 * A registered dataset, by name (or by id with `{ id }`); `name` names the data reference. Say
 * `tabular: true` for a TabularDataset, which v2 jobs read as `mltable`.
 */
export function dataset(
  datasetName: string,
  options: { readonly id?: string; readonly name?: string; readonly tabular?: boolean } = {},
): DatasetReference {
  const name = datasetName;
  return {
    kind: "dataset",
    name: options.name ?? referenceName(name),
    ...(options.id ? { datasetId: options.id } : { datasetName: name }),
    ...(options.tabular ? { tabular: true } : {}),
    location: captureSourceLocation(),
  };
}

/**
 * A file or folder of the project (`path` relative to the file that calls this), uploaded when the
 * pipeline is submitted and read from the project by `amlpipe run`. v2 only: the v1 YAML has no
 * local data (AP111).
 */
export function localData(
  path: string,
  options: { readonly name?: string; readonly type?: DataType } = {},
): LocalData {
  return {
    kind: "local_path",
    name: options.name ?? referenceName(path.replace(/^\.\//, "")),
    path,
    ...(options.type ? { type: options.type } : {}),
    location: captureSourceLocation(),
  };
}
