/** v2 YAML input modes as the REST `InputDeliveryMode` names (mfe.json). */
const INPUT_MODES: Readonly<Record<string, string>> = {
  ro_mount: "ReadOnlyMount",
  rw_mount: "ReadWriteMount",
  download: "Download",
  direct: "Direct",
  eval_mount: "EvalMount",
  eval_download: "EvalDownload",
};

/** v2 YAML output modes as the REST `OutputDeliveryMode` names (mfe.json; `Direct` for Spark). */
const OUTPUT_MODES: Readonly<Record<string, string>> = {
  rw_mount: "ReadWriteMount",
  upload: "Upload",
  direct: "Direct",
};

/** The REST name of a YAML input mode (Spark nodes read only `Direct`). */
export function restInputMode(mode: unknown, nodeType: string): string | undefined {
  if (nodeType === "spark") return "Direct";
  return typeof mode === "string" ? INPUT_MODES[mode] : undefined;
}

/** The REST name of a YAML output mode (Spark nodes write only `Direct`). */
export function restOutputMode(mode: unknown, nodeType: string): string | undefined {
  if (nodeType === "spark") return "Direct";
  return typeof mode === "string" ? OUTPUT_MODES[mode] : undefined;
}
