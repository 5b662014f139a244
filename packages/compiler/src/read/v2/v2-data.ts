import { posix } from "node:path";
import type { BindMode, DataReferenceIR, DataTypeIR } from "../../ir/data-reference.js";
import { canonicalPath, type ProjectPathOptions } from "../../names/project-paths.js";
import type { ReadHost } from "../read-host.js";
import type { YamlCursor } from "../yaml-cursor.js";

/** What reading data values needs: where the file is, to resolve local paths. */
export interface DataFiles extends ProjectPathOptions {
  /** POSIX folder of the YAML file, relative to the root. */
  readonly folder: string;
  readonly host: ReadHost;
  readonly missingFileSeverity: "warning" | "error";
}

/** `azureml://datastores/<name>/paths/<path>`: the datastore and the path on it. */
export const DATASTORE_URI = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.*)$/;
const ASSET = /^azureml:([^@:/]+)(?:@latest|:(.+))?$/;
const DATA_TYPES = new Set(["uri_file", "uri_folder", "mltable"]);

/** Mode values already reported (a pipeline input's mode is met once per job that reads it). */
const reportedModes = new WeakSet<object>();

/**
 * A v2 input `mode:` as the IR's bind mode: `download`, else mounted. `direct` is what amlpipe writes
 * for Spark jobs (`spark`), so it is carried there; elsewhere it and the eval modes are AP112.
 */
export function inputBindMode(mode: YamlCursor, spark = false): Exclude<BindMode, "upload"> | undefined {
  const value = mode.string("mode");
  if (value === undefined || value === "ro_mount" || (value === "direct" && spark)) return undefined;
  if (value === "download") return "download";
  if (mode.node && !reportedModes.has(mode.node)) {
    reportedModes.add(mode.node);
    mode.file.report(
      "AP112",
      "warning",
      `input mode "${value}" is not carried here: the input is mounted`,
      mode.at,
    );
  }
  return undefined;
}

/** The declared `type:` when the IR can carry it (`uri_file`, `uri_folder`, `mltable`). */
function dataType(cursor: YamlCursor): DataTypeIR | undefined {
  const type = cursor.get("type").string("type");
  if (type === undefined) return undefined;
  if (DATA_TYPES.has(type)) return type as DataTypeIR;
  cursor.file.report(
    "AP112",
    "warning",
    `data type "${type}" is not carried: read as uri_folder`,
    cursor.get("type").at,
  );
  return "uri_folder";
}

/**
 * A v2 data value (`{type, path, mode}`, at the pipeline's `inputs:` or inline in a job) as a data
 * reference named `name`: a datastore URI, a registered data asset, or a local file or folder of the
 * project. Other URIs (https, wasbs, abfss...) are AP101: amlpipe cannot resolve or check them.
 */
export function readDataValue(
  name: string,
  value: YamlCursor,
  files: DataFiles,
): DataReferenceIR | undefined {
  const pathCursor = value.get("path");
  const path = pathCursor.string("path");
  if (path === undefined) {
    value.typeError(`data input "${name}" needs a "path:"`);
    return undefined;
  }
  const source = value.at;
  const type = dataType(value);
  const typed = type ? { dataType: type } : {};
  const onStore = DATASTORE_URI.exec(path);
  if (onStore?.[1] !== undefined)
    return {
      kind: "datastore_path",
      name,
      source,
      datastore: onStore[1],
      pathOnDatastore: onStore[2] ?? "",
      ...typed,
    };
  const asset = ASSET.exec(path);
  if (asset?.[1]) {
    if (asset[2] !== undefined)
      pathCursor.file.report(
        "AP112",
        "warning",
        `data asset version ${asset[2]} is not carried: the latest is used`,
        pathCursor.at,
      );
    return { kind: "dataset", name, source, datasetName: asset[1], ...typed };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[A-Za-z]:[\\/]/.test(path)) {
    pathCursor.typeError(
      `data path "${path}" is not read by amlpipe`,
      "use azureml://datastores/<name>/paths/<path>, azureml:<asset>@latest or a local path",
    );
    return undefined;
  }
  const local = canonicalPath(posix.normalize(posix.join(files.folder, path.replace(/\\/g, "/"))), files);
  if (!files.host.exists(local))
    pathCursor.file.report(
      "AP104",
      files.missingFileSeverity,
      `local data "${path}" is not there (looked for ${local})`,
      pathCursor.at,
    );
  return { kind: "local_path", name, source, path: local, ...typed };
}
