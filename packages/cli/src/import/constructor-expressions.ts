import { posix } from "node:path";
import {
  type ComputeIR,
  computeKindOf,
  type DataReferenceIR,
  type DatastoreIR,
  type EnvironmentIR,
  isExistingCompute,
  type ParameterIR,
  referenceDatastore,
  type ScheduleIR,
  type SecretRefIR,
  secretFieldsOf,
  type TsExpression,
  type TsLiteralValue,
  tsCall,
  tsIdentifier,
  tsLiteral,
  tsLiterals,
  tsMember,
  tsObject,
} from "@amlpipe/compiler";

/** `namespace.factory(...args)`: how the DSL's constructors are called. */
function dslCall(namespace: string, factory: string, ...args: TsExpression[]): TsExpression {
  return tsCall(tsMember(tsIdentifier(namespace), factory), ...args);
}

/** An options object, left out of the call when it is empty. */
function optionsArg(entries: Record<string, TsExpression | undefined>): TsExpression[] {
  const options = tsObject(entries);
  return options.kind === "object" && options.entries.length === 0 ? [] : [options];
}

function secretExpression(ref: SecretRefIR | undefined): TsExpression | undefined {
  if (!ref) return undefined;
  if (ref.kind === "env") return dslCall("secret", "env", tsLiteral(ref.name));
  if (ref.kind === "keyvault")
    return dslCall("secret", "keyVault", tsLiteral(ref.vault), tsLiteral(ref.secretName));
  return dslCall("secret", "env", tsLiteral("TODO_SECRET"));
}

/** `compute.<factory>(name, settings)`; `datastoreId` names the const of an ADLA default datastore. */
export function computeExpression(c: ComputeIR, datastoreId: (name: string) => string): TsExpression {
  const { name, kind, source: _, description: __, ...settings } = c as ComputeIR & Record<string, unknown>;
  if (isExistingCompute(c)) return dslCall("compute", "existing", tsLiteral(name), tsLiteral(kind));
  const factory = computeKindOf(c)?.factory ?? "amlCluster";
  if (kind === "local" || kind === "aci") return dslCall("compute", factory, tsLiteral(name));
  const secrets = secretFieldsOf(kind);
  const entries: Record<string, TsExpression | undefined> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (secrets.includes(key)) entries[key] = secretExpression(value as SecretRefIR);
    else if (key === "defaultDatastore") entries[key] = tsIdentifier(datastoreId(String(value)));
    else if (value !== undefined) entries[key] = tsLiteral(value as TsLiteralValue);
  }
  return dslCall("compute", factory, tsLiteral(name), tsObject(entries));
}

/** `datastore.<kind>(name, ...)`. */
export function datastoreExpression(d: DatastoreIR): TsExpression {
  const name = tsLiteral(d.name);
  switch (d.kind) {
    case "adls_gen1":
      return dslCall("datastore", "adlsGen1", name, ...optionsArg(tsLiterals({ storeName: d.account })));
    case "azure_sql":
    case "postgresql":
    case "mysql":
      return dslCall(
        "datastore",
        d.kind === "azure_sql" ? "sql" : d.kind,
        name,
        tsObject(tsLiterals({ server: d.account, database: d.database })),
      );
    case "dbfs":
      return dslCall("datastore", "dbfs", name);
    default: {
      const factory = d.kind === "azure_file" ? "file" : d.kind === "adls_gen2" ? "adlsGen2" : "blob";
      return dslCall(
        "datastore",
        factory,
        name,
        ...optionsArg(tsLiterals({ account: d.account, container: d.container })),
      );
    }
  }
}

/** A data reference expression (on its datastore's const), or undefined when the DSL has no form for it. */
export function referenceExpression(
  r: DataReferenceIR,
  datastoreId: (name: string) => string,
  tsFileDir: string,
): TsExpression | undefined {
  const on = (method: string, ...args: TsExpression[]) =>
    tsCall(tsMember(tsIdentifier(datastoreId(referenceDatastore(r) ?? "")), method), ...args);
  switch (r.kind) {
    case "datastore_path":
      return on(
        "path",
        tsLiteral(r.pathOnDatastore),
        tsObject(tsLiterals({ name: r.name, type: r.dataType })),
      );
    case "local_path": {
      const relative = posix.relative(tsFileDir, r.path) || ".";
      return tsCall(
        tsIdentifier("localData"),
        tsLiteral(relative.startsWith(".") ? relative : `./${relative}`),
        tsObject(tsLiterals({ name: r.name, type: r.dataType })),
      );
    }
    case "sql":
      if (r.sqlTable !== undefined)
        return on("sqlTable", tsLiteral(r.sqlTable), tsObject(tsLiterals({ name: r.name })));
      if (r.sqlQuery !== undefined)
        return on("sqlQuery", tsLiteral(r.sqlQuery), tsObject(tsLiterals({ name: r.name })));
      if (r.sqlStoredProcedure !== undefined)
        return on(
          "sqlStoredProcedure",
          tsLiteral(r.sqlStoredProcedure),
          tsObject(tsLiterals({ name: r.name, params: r.sqlStoredProcedureParams })),
        );
      return undefined;
    case "dataset":
      return tsCall(
        tsIdentifier("dataset"),
        tsLiteral(r.datasetName ?? r.datasetId ?? r.name),
        tsObject(
          tsLiterals({ name: r.name, id: r.datasetId, tabular: r.dataType === "mltable" || undefined }),
        ),
      );
  }
}

/** `environment.<kind>(name, ...)`. */
export function environmentExpression(e: EnvironmentIR): TsExpression {
  const name = tsLiteral(e.name);
  switch (e.kind) {
    case "curated":
      return dslCall("environment", "curated", name);
    case "conda":
      return dslCall(
        "environment",
        "conda",
        name,
        tsObject(
          tsLiterals({
            python: e.pythonVersion,
            conda: e.condaPackages.length ? e.condaPackages : undefined,
            pip: e.pipPackages.length ? e.pipPackages : undefined,
            channels: e.channels.length ? e.channels : undefined,
            docker: e.docker ? { baseImage: e.docker.baseImage } : undefined,
            variables: e.environmentVariables,
          }),
        ),
      );
    case "docker":
      return dslCall(
        "environment",
        "docker",
        name,
        tsObject(
          tsLiterals({
            baseImage: e.docker.baseImage,

            interpreterPath: e.interpreterPath,
          }),
        ),
      );
    case "user_managed":
      return dslCall("environment", "userManaged", name, tsLiteral(e.interpreterPath));
  }
}

/** `param.<type>(name, default)`. */
export function parameterExpression(p: ParameterIR): TsExpression {
  return dslCall(
    "param",
    p.type,
    tsLiteral(p.name),
    ...(p.default === undefined ? [] : [tsLiteral(p.default as TsLiteralValue)]),
  );
}

/** `schedule.recurring(...)` or `schedule.onDatastoreChange(...)`. */
export function scheduleExpression(s: ScheduleIR): TsExpression {
  const { name, source: _, recurrence, ...options } = s;
  const rest = Object.fromEntries(
    Object.entries(options).filter(
      ([k, v]) => v !== undefined && !(k === "pipelineParameters" && Object.keys(v as object).length === 0),
    ),
  ) as Record<string, TsLiteralValue>;
  if (recurrence)
    return dslCall(
      "schedule",
      "recurring",
      tsLiteral(name),
      tsLiteral(recurrence as unknown as TsLiteralValue),
      ...(Object.keys(rest).length ? [tsLiteral(rest)] : []),
    );
  return dslCall(
    "schedule",
    "onDatastoreChange",
    tsLiteral(name),
    tsLiteral({ datastoreName: "TODO", ...rest }),
  );
}
