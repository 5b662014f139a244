import type { Severity } from "./diagnostic.js";

/** One entry of the closed diagnostic catalogue. Each code has a page `docs/rules/<code>.md`. */
export interface CodeInfo {
  readonly title: string;
  readonly severity: Severity;
}

/**
 * The closed list of diagnostic codes. Ranges: AP1xx reading and schema, AP2xx graph, AP3xx computes
 * and data locality, AP4xx step-specific, AP5xx secrets, AP6xx platform limits, AP7xx v2 target,
 * AP8xx live workspace (runtime) checks, AP9xx the tool itself (loading, I/O).
 */
export const DIAGNOSTIC_CODES = {
  AP100: { title: "YAML syntax error", severity: "error" },
  AP101: { title: "document does not match the pipeline schema", severity: "error" },
  AP102: { title: "unknown key (the Azure ML loader drops it silently)", severity: "warning" },
  AP103: { title: "deprecated key or alias", severity: "warning" },
  AP104: { title: "referenced file not found", severity: "error" },
  AP105: { title: "compiled output does not match the shipped schema (amlpipe bug)", severity: "error" },
  AP106: { title: "step type not supported in YAML", severity: "error" },
  AP109: { title: "name used as a file or folder name is not a plain name", severity: "error" },
  AP110: { title: "file or folder outside the project root", severity: "error" },
  AP111: { title: "local data the v1 YAML cannot name", severity: "error" },
  AP112: { title: "v2 setting amlpipe does not carry", severity: "warning" },
  AP200: { title: "cycle between steps", severity: "error" },
  AP201: { title: "input whose source nothing produces", severity: "error" },
  AP202: { title: "output nobody reads", severity: "warning" },
  AP203: { title: "duplicate name", severity: "error" },
  AP204: { title: "argument token names no binding or parameter", severity: "warning" },
  AP205: { title: "step parameter names no pipeline parameter", severity: "error" },
  AP206: { title: ".after() names an unknown step", severity: "error" },
  AP207: { title: "two steps write the same intermediate data", severity: "error" },
  AP208: { title: "pipeline has no steps", severity: "warning" },
  AP209: { title: "step uses a feature its kind does not read", severity: "error" },
  AP210: {
    title: ".after() the v1 YAML cannot express (DataTransferStep, ParallelRunStep)",
    severity: "error",
  },
  AP212: { title: "step reads what a DataTransferStep copies (v1 cannot order them)", severity: "error" },
  AP213: { title: "datapath parameter read with no default (v1)", severity: "error" },
  AP300: { title: "step runs on a compute of the wrong kind", severity: "error" },
  AP301: { title: "AdlaStep data not on the ADLA account's default datastore", severity: "error" },
  AP302: { title: "ACI used as a training target", severity: "error" },
  AP303: { title: "Databricks compute used outside a pipeline", severity: "error" },
  AP304: { title: "one resource attached under two compute names", severity: "error" },
  AP305: { title: "compute name shape", severity: "error" },
  AP306: { title: "resource id shape", severity: "error" },
  AP307: { title: "step names no compute and the pipeline has no default", severity: "error" },
  AP308: { title: "unknown compute", severity: "error" },
  AP309: { title: "unknown datastore", severity: "warning" },
  AP310: { title: "unknown environment", severity: "error" },
  AP311: { title: "step on the local compute in v1 YAML", severity: "warning" },
  AP400: { title: "PythonScriptStep script missing", severity: "error" },
  AP401: { title: "AzureBatchStep pool settings", severity: "error" },
  AP402: { title: "DatabricksStep needs exactly one entry point", severity: "error" },
  AP403: { title: "DatabricksStep cluster settings", severity: "error" },
  AP404: { title: "DataTransferStep store kind not supported by Data Factory", severity: "error" },
  AP405: { title: "ParallelRunStep settings", severity: "error" },
  AP406: { title: "schedule settings", severity: "error" },
  AP407: { title: "AdlaStep settings", severity: "error" },
  AP408: { title: "AzureBatchStep setting the SDK v1 loader does not pass on", severity: "error" },
  AP409: { title: "ParallelRunStep the SDK v1 loader cannot build", severity: "error" },
  AP500: { title: "secret value written inline", severity: "error" },
  AP501: { title: "secret in arguments or environment variables", severity: "error" },
  AP600: { title: "more steps than Azure ML allows in one pipeline", severity: "error" },
  AP601: { title: "snapshot larger than Azure ML allows", severity: "error" },
  AP700: { title: "step kind has no v2 form", severity: "error" },
  AP701: { title: "ordering without data rewritten for v2", severity: "info" },
  AP702: { title: "step on the local compute cannot be submitted", severity: "error" },
  AP703: { title: "parameter value the service refuses", severity: "error" },
  AP704: { title: "Spark job on a compute v2 Spark cannot use", severity: "error" },
  AP705: { title: "v2 job with no environment gets the base image", severity: "warning" },
  AP706: { title: "v2 copy on an attached Data Factory (unproven in v2)", severity: "warning" },
  AP800: { title: "live workspace: ADLA default store differs", severity: "error" },
  AP801: { title: "live workspace: datastore missing or of another kind", severity: "error" },
  AP802: { title: "live workspace: compute missing, of another kind, or not attachable", severity: "error" },
  AP803: { title: "live workspace: resource already attached under another name", severity: "error" },
  AP804: { title: "live workspace: compute attached with other settings", severity: "error" },
  AP805: { title: "step cannot run on the local backend", severity: "error" },
  AP806: { title: "live workspace: environment missing", severity: "error" },
  AP807: { title: "live workspace: permission missing", severity: "error" },
  AP900: { title: "pipeline module failed to load", severity: "error" },
  AP901: { title: "no pipeline exported", severity: "error" },
  AP902: { title: "file not readable", severity: "error" },
  AP903: { title: "refused to write or delete outside the tool's folders", severity: "error" },
  AP904: { title: "symbolic link a snapshot cannot follow", severity: "error" },
  AP905: { title: "type error in a pipeline module", severity: "error" },
} as const satisfies Record<string, CodeInfo>;

/** A code from the closed catalogue. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
