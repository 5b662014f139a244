import {
  type ComputeIR,
  computeKindOf,
  type DataReferenceIR,
  type DatastoreIR,
  type EnvironmentIR,
  type ParameterIR,
  type ScheduleIR,
  type SecretRefIR,
  secretFieldsOf,
} from "@amlpipe/compiler";
import { literal } from "./identifiers.js";

/** An object literal from entries whose values are already expressions; undefined values dropped. */
export function objectExpression(entries: Record<string, string | undefined>): string {
  const present = Object.entries(entries).filter(([, v]) => v !== undefined);
  return present.length === 0 ? "{}" : `{ ${present.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
}

/** Plain values as expressions (`literal`), keeping undefined out. */
export function literals(values: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v === undefined ? undefined : literal(v)]),
  );
}

function secretExpression(ref: SecretRefIR | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.kind === "env") return `secret.env(${literal(ref.name)})`;
  if (ref.kind === "keyvault") return `secret.keyVault(${literal(ref.vault)}, ${literal(ref.secretName)})`;
  return `secret.env("TODO_SECRET")`;
}

/** `compute.<kind>(name, settings)`; `datastoreId` names the const of an ADLA default datastore. */
export function computeExpression(c: ComputeIR, datastoreId: (name: string) => string): string {
  const { name, kind, source: _, description: __, ...settings } = c as ComputeIR & Record<string, unknown>;
  const factory = computeKindOf(c)?.factory ?? "amlCluster";
  if (kind === "local" || kind === "aci") return `compute.${factory}(${literal(name)})`;
  const secrets = secretFieldsOf(kind);
  const entries: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (secrets.includes(key)) entries[key] = secretExpression(value as SecretRefIR);
    else if (key === "defaultDatastore") entries[key] = datastoreId(String(value));
    else entries[key] = literal(value);
  }
  return `compute.${factory}(${literal(name)}, ${objectExpression(entries)})`;
}

/** `datastore.<kind>(name, ...)`. */
export function datastoreExpression(d: DatastoreIR): string {
  const n = literal(d.name);
  switch (d.kind) {
    case "adls_gen1":
      return `datastore.adlsGen1(${n}${d.account ? `, ${objectExpression(literals({ storeName: d.account }))}` : ""})`;
    case "azure_sql":
    case "postgresql":
    case "mysql": {
      const factory = d.kind === "azure_sql" ? "sql" : d.kind;
      return `datastore.${factory}(${n}, ${objectExpression(literals({ server: d.account, database: d.database }))})`;
    }
    case "dbfs":
      return `datastore.dbfs(${n})`;
    default: {
      const factory = d.kind === "azure_file" ? "file" : d.kind === "adls_gen2" ? "adlsGen2" : "blob";
      const options = objectExpression(literals({ account: d.account, container: d.container }));
      return `datastore.${factory}(${n}${options === "{}" ? "" : `, ${options}`})`;
    }
  }
}

/** A data reference expression (on its datastore's const), or undefined when the DSL has no form for it. */
export function referenceExpression(
  r: DataReferenceIR,
  datastoreId: (name: string) => string,
): string | undefined {
  switch (r.kind) {
    case "datastore_path":
      return `${datastoreId(r.datastore)}.path(${literal(r.pathOnDatastore)}, ${objectExpression(literals({ name: r.name, bindMode: r.bindMode === "upload" ? undefined : r.bindMode }))})`;
    case "sql":
      if (r.sqlTable !== undefined)
        return `${datastoreId(r.datastore)}.sqlTable(${literal(r.sqlTable)}, ${objectExpression(literals({ name: r.name }))})`;
      if (r.sqlQuery !== undefined)
        return `${datastoreId(r.datastore)}.sqlQuery(${literal(r.sqlQuery)}, ${objectExpression(literals({ name: r.name }))})`;
      return undefined;
    case "dataset":
      return `dataset(${literal(r.datasetName ?? r.datasetId ?? r.name)}, ${objectExpression(literals({ name: r.name, id: r.datasetId }))})`;
  }
}

/** `environment.<kind>(name, ...)`. */
export function environmentExpression(e: EnvironmentIR): string {
  const n = literal(e.name);
  switch (e.kind) {
    case "curated":
      return `environment.curated(${n})`;
    case "conda":
      return `environment.conda(${n}, ${objectExpression(
        literals({
          python: e.pythonVersion,
          conda: e.condaPackages.length ? e.condaPackages : undefined,
          pip: e.pipPackages.length ? e.pipPackages : undefined,
          channels: e.channels.length ? e.channels : undefined,
          docker: e.docker
            ? { baseImage: e.docker.baseImage, ...(e.docker.gpu ? { gpu: true } : {}) }
            : undefined,
          variables: e.environmentVariables,
        }),
      )})`;
    case "docker":
      return `environment.docker(${n}, ${objectExpression(literals({ baseImage: e.docker.baseImage, gpu: e.docker.gpu || undefined, interpreterPath: e.interpreterPath }))})`;
    case "user_managed":
      return `environment.userManaged(${n}, ${literal(e.interpreterPath)})`;
  }
}

/** `param.<type>(name, default)`. */
export function parameterExpression(p: ParameterIR): string {
  return `param.${p.type}(${literal(p.name)}${p.default === undefined ? "" : `, ${literal(p.default)}`})`;
}

/** `schedule.recurring(...)` or `schedule.onDatastoreChange(...)`. */
export function scheduleExpression(s: ScheduleIR): string {
  const { name, source: _, recurrence, ...options } = s;
  const rest = Object.fromEntries(
    Object.entries(options).filter(
      ([k, v]) => v !== undefined && !(k === "pipelineParameters" && Object.keys(v as object).length === 0),
    ),
  );
  if (recurrence)
    return `schedule.recurring(${literal(name)}, ${literal(recurrence)}${Object.keys(rest).length ? `, ${literal(rest)}` : ""})`;
  return `schedule.onDatastoreChange(${literal(name)}, ${literal({ datastoreName: "TODO", ...rest })})`;
}
